# Where `charter history` and `charter restore` find the files on this
# server, for every login (SSH, PuTTY, WinSCP's terminal), so that no
# clerk has to set them in their own ~/.profile. Install it as
#   sudo install -m 0644 deploy/charter-profile.sh /etc/profile.d/charter.sh
# Keep the paths the same as in deploy/charter.service (CHARTER_FILE and
# StateDirectory=charter, that is /var/lib/charter).
export CHARTER_STATE_DIR=/var/lib/charter
export CHARTER_FILE=/srv/charter/charter.toml
