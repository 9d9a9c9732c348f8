//! `charter check`: what a staff member sees, and the exit status a
//! deploy script relies on (0 valid, 1 invalid, 2 unreadable).

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// `charter check FILE`, in English whatever the machine's language.
fn check(file: &std::path::Path) -> (i32, String, String) {
    check_in(file, &[], &[("CHARTER_LANG", "en")])
}

/// `charter check FILE` with `args` after it, and of the settings of the
/// language only `env`.
fn check_in(file: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_charter"));
    without_language(&mut command)
        .arg("check")
        .arg(file)
        .args(args);
    let out = command
        .envs(env.iter().copied())
        .output()
        .expect("charter runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bundled_charter_is_valid_without_warnings() {
    let (code, stdout, stderr) = check(&bundled());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("charter.toml: OK: 13 services, 1 officer, 0 warnings\n"),
        "{stdout}"
    );
    assert_eq!(stderr, "");
}

#[test]
fn invalid_charter_lists_every_error_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let source = std::fs::read_to_string(bundled())
        .unwrap()
        .replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"asst-prog\"",
            1,
        )
        .replacen(
            "email = \"shakilcse96@gmail.com\"",
            "email = \"shakilcse96 gmail.com\"",
            1,
        );
    std::fs::write(&file, source).unwrap();
    let (code, stdout, stderr) = check(&file);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let f = file.display();
    let expected = format!(
        "{f}:28:9: error: e-mail address \"shakilcse96 gmail.com\" is not valid\n \
         28 | email = \"shakilcse96 gmail.com\"\n    \
         |         ^^^^^^^^^^^^^^^^^^^^^^^\n    \
         = hint: write it like name@example.gov.bd: one @, no spaces\n    \
         = example: email = \"shakilcse96@gmail.com\"\n\
         {f}:38:11: error: unknown officer \"asst-prog\"\n \
         38 | officer = \"asst-prog\"\n    \
         |           ^^^^^^^^^^^\n    \
         = hint: known officers: assistant-programmer\n\
         2 errors in {f}\n"
    );
    assert_eq!(stderr, expected);
}

#[test]
fn a_clerk_reads_every_error_in_bangla() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let source = std::fs::read_to_string(bundled())
        .unwrap()
        .replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"asst-prog\"",
            1,
        )
        .replacen(
            "email = \"shakilcse96@gmail.com\"",
            "email = \"shakilcse96 gmail.com\"",
            1,
        );
    std::fs::write(&file, source).unwrap();
    let (code, stdout, stderr) = check_in(&file, &["--lang", "bn"], &[]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    // The places stay as editors read them; the numbers in sentences are
    // in Bangla digits.
    let f = file.display();
    let expected = format!(
        "{f}:28:9: ত্রুটি: ইমেইল ঠিকানা \"shakilcse96 gmail.com\" সঠিক নয়\n \
         28 | email = \"shakilcse96 gmail.com\"\n    \
         |         ^^^^^^^^^^^^^^^^^^^^^^^\n    \
         = পরামর্শ: name@example.gov.bd-এর মতো করে লিখুন: একটি @, কোনো স্পেস নয়\n    \
         = উদাহরণ: email = \"shakilcse96@gmail.com\"\n\
         {f}:38:11: ত্রুটি: কর্মকর্তার আইডি \"asst-prog\" অজানা\n \
         38 | officer = \"asst-prog\"\n    \
         |           ^^^^^^^^^^^\n    \
         = পরামর্শ: ফাইলে যেসব কর্মকর্তার আইডি আছে: assistant-programmer\n\
         {f} ফাইলে ২টি ত্রুটি\n"
    );
    assert_eq!(stderr, expected);
    let (code, _, stderr) = check_in(Path::new("/no/such/charter.toml"), &["--lang", "bn"], &[]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "/no/such/charter.toml: চার্টার ফাইলটি পড়া যাচ্ছে না: এমন কোনো ফাইল নেই\n"
    );
}

/// Arguments after the file, settings of the language, and the line said.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);

#[test]
fn the_language_is_the_option_the_variable_or_the_systems() {
    let bangla = "charter.toml: ঠিক আছে: ১৩টি সেবা, ১ জন কর্মকর্তা, ০টি সতর্কতা\n";
    let english = "charter.toml: OK: 13 services, 1 officer, 0 warnings\n";
    let cases: [Case; 8] = [
        (&["--lang", "bn"], &[], bangla),
        (&[], &[("CHARTER_LANG", "bn")], bangla),
        (&[], &[("LANG", "bn_BD.UTF-8")], bangla),
        (&[], &[("LANG", "en_US.UTF-8")], english),
        (&[], &[], english),
        (
            &[],
            &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "bn_BD.UTF-8")],
            english,
        ),
        (
            &[],
            &[("CHARTER_LANG", "en"), ("LANG", "bn_BD.UTF-8")],
            english,
        ),
        (&["--lang", "en"], &[("CHARTER_LANG", "bn")], english),
    ];
    for (args, env, said) in cases {
        let (code, stdout, stderr) = check_in(&bundled(), args, env);
        assert_eq!(code, 0, "{args:?} {env:?}: {stderr}");
        assert!(stdout.ends_with(said), "{args:?} {env:?}: {stdout}");
    }
    // An empty variable is no choice; an unknown language is refused.
    let (_, stdout, _) = check_in(&bundled(), &[], &[("CHARTER_LANG", ""), ("LANG", "bn_BD")]);
    assert!(stdout.ends_with(bangla), "{stdout}");
    let (code, _, stderr) = check_in(&bundled(), &["--lang", "fr"], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("\"fr\" is not a language of the site: bn or en"),
        "{stderr}"
    );
}

#[test]
fn a_folder_is_summed_up_in_bangla() {
    let folder = OfficeFolder::new();
    let (code, _, stderr) = check_in(folder.path(), &["--lang", "bn"], &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(": ত্রুটি: এই ফোল্ডারে কোনো চার্টার নেই: "),
        "{stderr}"
    );
    std::fs::copy(bundled(), folder.path().join("haluaghat.toml")).unwrap();
    folder.register();
    let (code, stdout, stderr) = check_in(folder.path(), &["--lang", "bn"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("haluaghat.toml: ঠিক আছে: ১৩টি সেবা, ১ জন কর্মকর্তা, ০টি সতর্কতা\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(": ১টি দপ্তর: ১টি ঠিক আছে, ০টিতে ত্রুটি; ০টি এন্ট্রি বাদ পড়েছে\n"),
        "{stdout}"
    );
}

#[test]
fn a_folder_s_registry_and_entries_are_reported_in_either_language() {
    let folder = OfficeFolder::new();
    std::fs::copy(bundled(), folder.path().join("haluaghat.toml")).unwrap();
    std::fs::copy(bundled(), folder.path().join("Phulpur.toml")).unwrap();
    let registry = folder.registry();
    std::fs::write(
        &registry,
        "[offices]\nhaluaghat = [\"doict.haluaghat.mymensingh.gov.bd\", \"127.0.0.1\"]\n",
    )
    .unwrap();
    let (r, phulpur) = (
        registry.display(),
        folder.path().join("Phulpur.toml").display().to_string(),
    );
    let (code, stdout, stderr) = check_in(folder.path(), &[], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{r}:2:51: error: address \"127.0.0.1\" of haluaghat is left out: it is an IP \
             address, which reaches whatever server answers on it\n"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{phulpur}: skipped: the file's name is the office's name in web addresses, so it \
             may only have small English letters, digits and hyphens (-), at most 63: rename \
             it, for example to phulpur.toml\n"
        )),
        "{stderr}"
    );
    assert!(
        stdout.ends_with(": 1 offices: 1 OK, 0 with errors; 1 entries skipped\n"),
        "{stdout}"
    );
    // The places stay as editors read them, in ASCII digits.
    let (code, stdout, stderr) = check_in(folder.path(), &["--lang", "bn"], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{r}:2:51: ত্রুটি: haluaghat-এর ঠিকানা \"127.0.0.1\" বাদ দেওয়া হয়েছে: এটি একটি IP \
             ঠিকানা"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{phulpur}: বাদ দেওয়া হয়েছে: ফাইলের নামই ওয়েব ঠিকানায় দপ্তরের নাম, তাই এতে শুধু \
             ইংরেজি ছোট হাতের অক্ষর, অঙ্ক ও হাইফেন (-) থাকতে পারে, সব মিলিয়ে সর্বোচ্চ ৬৩টি: \
             ফাইলের নাম বদলান, যেমন phulpur.toml\n"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains(" error"), "{stderr}");
    assert!(
        stdout.ends_with(": ১টি দপ্তর: ১টি ঠিক আছে, ০টিতে ত্রুটি; ১টি এন্ট্রি বাদ পড়েছে\n"),
        "{stdout}"
    );
    // Without a registry, the folder is not served: said as plainly.
    std::fs::remove_file(&registry).unwrap();
    let (code, _, stderr) = check_in(folder.path(), &[], &[("CHARTER_LANG", "bn")]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{r}: ঠিকানার রেজিস্ট্রি নেই; ")),
        "{stderr}"
    );
    assert!(stderr.contains("`charter offices init`"), "{stderr}");
}

/// A state folder whose history holds `text` as version 1, the one the
/// site shows, in `dir` (`<state>` for a single charter,
/// `<state>/offices/<id>` for an office of a folder).
fn kept_as_shown(dir: &Path, text: &str) {
    let file = dir.join("shown.toml");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(&file, text).unwrap();
    let loaded = citizen_charter::charter::load_file(&file).unwrap();
    citizen_charter::history::History::new(dir, 100)
        .record(
            text.as_bytes(),
            &loaded.charter,
            std::time::SystemTime::now(),
        )
        .unwrap();
    std::fs::remove_file(&file).unwrap();
}

/// The bundled charter without the services `slugs`.
fn without(slugs: &[&str]) -> String {
    without_in(std::fs::read_to_string(bundled()).unwrap(), slugs)
}

/// `text` without the services `slugs`.
fn without_in(mut text: String, slugs: &[&str]) -> String {
    for slug in slugs {
        let at = text.find(&format!("slug = \"{slug}\"")).unwrap();
        let start = text[..at].rfind("[[services]]").unwrap();
        let end = at + text[at..].find("\n[[").unwrap() + 1;
        text = format!("{}{}", &text[..start], &text[end..]);
    }
    text
}

#[test]
fn with_the_state_folder_the_services_the_site_shows_that_the_file_lost_are_named() {
    let state = tempfile::tempdir().unwrap();
    kept_as_shown(state.path(), &std::fs::read_to_string(bundled()).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    // Citizen services 2 and 3, the last of their table: no serial is
    // missing, and the file is a valid charter.
    std::fs::write(&file, without(&["ict-advice", "project-information"])).unwrap();
    let f = file.display();
    let state_dir = state.path().to_str().unwrap();
    let (code, stdout, stderr) = check_in(&file, &["--state-dir", state_dir], &[]);
    assert_eq!(code, 0, "a warning: {stderr}");
    assert_eq!(
        stderr,
        format!(
            "{f}: warning: 2 services of the version the site shows (version 1) are not in this \
             file: ict-advice (Advice on ICT products and services), project-information \
             (Information about projects)\n     = hint: if they were deleted by mistake, \
             `charter restore 1` puts that version back whole, undoing what was saved since \
             (`charter history` lists the versions); if on purpose, nothing more is needed\n"
        )
    );
    assert_eq!(
        stdout,
        format!("{f}: OK: 11 services, 1 officer, 1 warning\n")
    );
    // In Bangla, the names as the Bangla pages have them; and the state
    // folder as `serve` takes it, from the environment.
    let (code, stdout, stderr) = check_in(
        &file,
        &["--lang", "bn"],
        &[("CHARTER_STATE_DIR", state_dir)],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "{f}: সতর্কতা: ওয়েবসাইট এখন যে সংস্করণ দেখাচ্ছে (১ নম্বর সংস্করণ), তার ২টি সেবা এই \
             ফাইলে নেই: ict-advice (আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান), \
             project-information (প্রকল্পের তথ্য প্রদান)\n     = পরামর্শ: ভুল করে মুছে গিয়ে \
             থাকলে `charter restore 1` সেই পুরো সংস্করণটি ফিরিয়ে আনবে, তাতে এর পরে সেভ \
             করা পরিবর্তনগুলো বাদ যাবে (সংস্করণগুলোর তালিকা দেখায় `charter history`); ইচ্ছা \
             করে মুছে থাকলে আর কিছু করার নেই\n"
        )
    );
    assert_eq!(
        stdout,
        format!("{f}: ঠিক আছে: ১১টি সেবা, ১ জন কর্মকর্তা, ১টি সতর্কতা\n")
    );
    // The file the site shows, and a check without the state folder, say
    // nothing of it.
    std::fs::copy(bundled(), &file).unwrap();
    let (code, _, stderr) = check_in(&file, &["--state-dir", state_dir], &[]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    std::fs::write(&file, without(&["project-information"])).unwrap();
    let (code, _, stderr) = check_in(&file, &[], &[]);
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn with_the_state_folder_each_office_is_compared_with_the_version_it_shows() {
    let state = tempfile::tempdir().unwrap();
    let haluaghat = std::fs::read_to_string(bundled()).unwrap();
    let phulpur_text = office_text("doict.phulpur.mymensingh.gov.bd", &[]);
    kept_as_shown(&state.path().join("offices/haluaghat"), &haluaghat);
    kept_as_shown(&state.path().join("offices/phulpur"), &phulpur_text);
    let folder = OfficeFolder::new();
    std::fs::write(folder.path().join("haluaghat.toml"), &haluaghat).unwrap();
    std::fs::write(
        folder.path().join("phulpur.toml"),
        without_in(phulpur_text, &["project-information"]),
    )
    .unwrap();
    folder.register();
    let phulpur = folder.path().join("phulpur.toml");
    let args = ["--state-dir", state.path().to_str().unwrap()];
    let (code, stdout, stderr) = check_in(folder.path(), &args, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some(
            format!(
                "{}: warning: a service of the version the site shows (version 1) is not in this \
                 file: project-information (Information about projects)",
                phulpur.display()
            )
            .as_str()
        ),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().nth(1),
        Some(
            "     = hint: if it was deleted by mistake, `charter restore 1` puts that version back \
             whole, undoing what was saved since (`charter history` lists the versions); if on \
             purpose, nothing more is needed"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "phulpur's only: {stderr}");
    assert!(
        stdout.contains(&format!(
            "{}: OK: 12 services, 1 officer, 1 warning\n",
            phulpur.display()
        )),
        "{stdout}"
    );
    let (code, _, stderr) = check_in(folder.path(), &args, &[("LANG", "bn_BD.UTF-8")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "{}: সতর্কতা: ওয়েবসাইট এখন যে সংস্করণ দেখাচ্ছে (১ নম্বর সংস্করণ), তার ১টি সেবা এই \
             ফাইলে নেই: project-information (প্রকল্পের তথ্য প্রদান)\n",
            phulpur.display()
        )),
        "{stderr}"
    );
}

#[test]
fn syntax_error_points_at_the_spot() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let source = std::fs::read_to_string(bundled()).unwrap().replacen(
        "slug = \"ict-advice\"",
        "slug = \"ict-advice",
        1,
    );
    std::fs::write(&file, &source).unwrap();
    let (code, _, stderr) = check(&file);
    assert_eq!(code, 1, "{stderr}");
    let line = source
        .lines()
        .position(|l| l == "slug = \"ict-advice")
        .unwrap()
        + 1;
    let first = stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}:{line}:", file.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(" {line} | slug = \"ict-advice\n")),
        "{stderr}"
    );
    assert!(stderr.contains('^'), "{stderr}");
    assert!(
        stderr.ends_with(&format!("1 error in {}\n", file.display())),
        "{stderr}"
    );
}

#[test]
fn missing_english_is_a_warning_with_exit_0() {
    let (code, stdout, stderr) = check(&full_fixture());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("OK: 3 services, 2 officers, 2 warnings"),
        "{stdout}"
    );
    assert!(
        stderr
            .contains("full.toml:71:15: warning: service internal-leave: name has no English text"),
        "{stderr}"
    );
}

#[test]
fn unreadable_file_exits_2() {
    let (code, stdout, stderr) = check(std::path::Path::new("/no/such/charter.toml"));
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("/no/such/charter.toml: cannot read the charter file:"),
        "{stderr}"
    );
}

/// The same failure ends every subcommand with the same status: 1 for a
/// charter that is not valid, 2 for a file that cannot be read or a
/// command line that is wrong.
#[test]
fn every_subcommand_ends_a_failure_with_the_same_status() {
    let dir = tempfile::tempdir().unwrap();
    let invalid = dir.path().join("invalid.toml");
    std::fs::write(&invalid, "[office]\n").unwrap();
    let missing = dir.path().join("missing.toml");
    let out = dir.path().join("site");
    let run = |args: &[&std::ffi::OsStr]| {
        let (code, _, stderr) = charter(args);
        (code, stderr)
    };
    let os = |s: &str| std::ffi::OsString::from(s);
    let cases: Vec<(&str, Vec<std::ffi::OsString>, i32)> = vec![
        (
            "check, missing",
            vec![os("check"), missing.clone().into()],
            2,
        ),
        (
            "build, missing",
            vec![
                os("build"),
                os("--out"),
                out.clone().into(),
                os("--charter"),
                missing.clone().into(),
            ],
            2,
        ),
        (
            "import, missing",
            vec![os("import"), missing.clone().into()],
            2,
        ),
        (
            "serve, missing",
            vec![
                os("serve"),
                os("--addr"),
                os("127.0.0.1:0"),
                os("--charter"),
                missing.into(),
            ],
            2,
        ),
        (
            "check, invalid",
            vec![os("check"), invalid.clone().into()],
            1,
        ),
        (
            "build, invalid",
            vec![
                os("build"),
                os("--out"),
                out.clone().into(),
                os("--charter"),
                invalid.clone().into(),
            ],
            1,
        ),
        (
            "serve, invalid",
            vec![
                os("serve"),
                os("--addr"),
                os("127.0.0.1:0"),
                os("--charter"),
                invalid.into(),
            ],
            1,
        ),
        (
            "build, base URL without a scheme",
            vec![
                os("build"),
                os("--out"),
                out.clone().into(),
                os("--charter"),
                bundled().into(),
                os("--base-url"),
                os("charter.example.org"),
            ],
            2,
        ),
        (
            "build, base URL too long",
            vec![
                os("build"),
                os("--out"),
                out.clone().into(),
                os("--charter"),
                bundled().into(),
                os("--base-url"),
                os(&format!("https://{}.example.org", "a".repeat(300))),
            ],
            2,
        ),
    ];
    for (what, args, status) in cases {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (code, stderr) = run(&args);
        assert_eq!(code, status, "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    }
    assert!(!out.exists(), "nothing was written");
    let (_, stderr) = run(&[
        os("build").as_os_str(),
        os("--out").as_os_str(),
        out.as_os_str(),
        os("--base-url").as_os_str(),
        os("ftp://charter.example.org").as_os_str(),
    ]);
    assert!(stderr.contains("https://"), "{stderr}");
}

#[test]
fn the_size_limit_is_set_by_the_command_line() {
    // The bundled charter with a note of 2 MB: a valid charter of 2 MB.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let text = std::fs::read_to_string(bundled()).unwrap();
    std::fs::write(&file, format!("# {}\n{text}", "x".repeat(2 * 1024 * 1024))).unwrap();
    let check_with = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref(), file.as_os_str()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        let (code, _, stderr) = charter(&args);
        (code, stderr)
    };
    assert_eq!(check_with(&[]).0, 0, "16 MB by default");
    let (code, stderr) = check_with(&["--max-charter-mb", "1"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than 1 MB"), "{stderr}");
    assert!(stderr.contains("--max-charter-mb"), "{stderr}");
    let (code, stderr) = check_with(&["--max-charter-mb", "0"]);
    assert_eq!(code, 2, "{stderr}");
}

/// The bundled charter as another office: its own website.
fn other_office(website: &str) -> String {
    std::fs::read_to_string(bundled())
        .unwrap()
        .replace("doict.haluaghat.mymensingh.gov.bd", website)
}

#[test]
fn a_folder_is_checked_office_by_office() {
    let folder = OfficeFolder::new();
    let offices = folder.path();
    std::fs::copy(bundled(), offices.join("haluaghat.toml")).unwrap();
    std::fs::write(
        offices.join("phulpur.toml"),
        other_office("doict.phulpur.mymensingh.gov.bd"),
    )
    .unwrap();
    // Not offices: notes, an editor's backup, a subfolder.
    std::fs::write(offices.join("notes.txt"), "x").unwrap();
    std::fs::write(offices.join("haluaghat.toml~"), "x = ").unwrap();
    std::fs::create_dir(offices.join("old")).unwrap();
    std::fs::write(offices.join("old/broken.toml"), "x = ").unwrap();

    // Without a registry of addresses, the folder cannot be served: check
    // says so, and which command writes one.
    let (code, stdout, stderr) = check(offices);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("there is no registry of addresses"),
        "{stderr}"
    );
    assert!(stderr.contains("`charter offices init`"), "{stderr}");

    folder.register();
    let (code, stdout, stderr) = check(offices);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("haluaghat.toml: OK: 13 services"),
        "{stdout}"
    );
    assert!(stdout.contains("phulpur.toml: OK: 13 services"), "{stdout}");
    assert!(
        stdout.ends_with(": 2 offices: 2 OK, 0 with errors; 0 entries skipped\n"),
        "{stdout}"
    );

    // Every file's problems, a bad name, a file the registry does not
    // list, and an address another office has.
    std::fs::write(
        offices.join("broken.toml"),
        "[office]\nwebsite = \"x.gov.bd\n",
    )
    .unwrap();
    std::fs::write(
        offices.join("Gouripur Office.toml"),
        other_office("doict.gouripur.mymensingh.gov.bd"),
    )
    .unwrap();
    std::fs::write(
        offices.join("zz-copy.toml"),
        other_office("DOICT.Haluaghat.mymensingh.gov.bd"),
    )
    .unwrap();
    std::fs::write(
        offices.join("unlisted.toml"),
        other_office("doict.unlisted.mymensingh.gov.bd"),
    )
    .unwrap();
    let registry = std::fs::read_to_string(folder.registry()).unwrap();
    std::fs::write(
        folder.registry(),
        format!("{registry}broken = [\"x.gov.bd\"]\nzz-copy = [\"zz.mymensingh.gov.bd\"]\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = check(offices);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("broken.toml:2:"), "{stderr}");
    assert!(
        stderr.contains("Gouripur Office.toml: skipped: ")
            && stderr.contains("gouripur-office.toml"),
        "{stderr}"
    );
    let unlisted = format!(
        "{}: skipped: the office is not in the registry of addresses",
        offices.join("unlisted.toml").display()
    );
    assert!(stderr.contains(&unlisted), "{stderr}");
    let taken = format!(
        "{}:15:11: error: website doict.haluaghat.mymensingh.gov.bd is the address of the \
         office haluaghat in the registry of addresses, not of this office",
        offices.join("zz-copy.toml").display()
    );
    assert!(stderr.contains(&taken), "{taken}\n{stderr}");
    assert!(
        stdout.ends_with(": 4 offices: 2 OK, 2 with errors; 2 entries skipped\n"),
        "{stdout}"
    );

    // A folder without charters.
    let empty = OfficeFolder::new();
    let (code, _, stderr) = check(empty.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("no charter in this folder"), "{stderr}");
}

/// Another office's charter, answering to `aliases` (a TOML list) too.
fn office_with_aliases(website: &str, aliases: &str) -> String {
    let line = format!("website = \"{website}\"\n");
    let source = other_office(website);
    assert!(source.contains(&line), "{source}");
    source.replacen(&line, &format!("{line}aliases = {aliases}\n"), 1)
}

#[test]
fn an_address_reaches_the_office_the_registry_gives_it_to_whatever_a_file_says() {
    let folder = OfficeFolder::new();
    let offices = folder.path();
    let write = |name: &str, text: String| std::fs::write(offices.join(name), text).unwrap();
    write(
        "a-haluaghat.toml",
        office_with_aliases(
            "doict.haluaghat.mymensingh.gov.bd",
            r#"["haluaghat.mymensingh.gov.bd"]"#,
        ),
    );
    write(
        "b-phulpur.toml",
        office_with_aliases(
            "doict.phulpur.mymensingh.gov.bd",
            r#"["www.doict.phulpur.mymensingh.gov.bd"]"#,
        ),
    );
    folder.register();
    let (code, stdout, stderr) = check(offices);
    assert_eq!(code, 0, "{stdout}{stderr}");

    // Files that name another office's website or alias, as website or
    // alias; case, https:// and a last / aside. Each is registered with
    // an address of its own, and told that the other is not its.
    write(
        "c-copy.toml",
        other_office("https://Haluaghat.mymensingh.gov.bd/"),
    );
    write(
        "d-old.toml",
        office_with_aliases(
            "doict.old.mymensingh.gov.bd",
            r#"["www.doict.phulpur.mymensingh.gov.bd"]"#,
        ),
    );
    write(
        "e-new.toml",
        office_with_aliases(
            "doict.new.mymensingh.gov.bd",
            r#"["DOICT.Phulpur.mymensingh.gov.bd."]"#,
        ),
    );
    let registry = std::fs::read_to_string(folder.registry()).unwrap();
    std::fs::write(
        folder.registry(),
        format!(
            "{registry}c-copy = [\"copy.mymensingh.gov.bd\"]\n\
             d-old = [\"doict.old.mymensingh.gov.bd\"]\n\
             e-new = [\"doict.new.mymensingh.gov.bd\"]\n"
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = check(offices);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for (file, place, expected) in [
        (
            "c-copy.toml",
            "15:11",
            "website haluaghat.mymensingh.gov.bd is the address of the office a-haluaghat",
        ),
        (
            "d-old.toml",
            "16:12",
            "alias www.doict.phulpur.mymensingh.gov.bd is the address of the office b-phulpur",
        ),
        (
            "e-new.toml",
            "16:12",
            "alias doict.phulpur.mymensingh.gov.bd is the address of the office b-phulpur",
        ),
    ] {
        let line = format!(
            "{}:{place}: error: {expected} in the registry of addresses, not of this office: \
             it does not reach this office",
            offices.join(file).display()
        );
        assert!(stderr.contains(&line), "{line}\n{stderr}");
    }
    assert!(
        stdout.ends_with(": 5 offices: 2 OK, 3 with errors; 0 entries skipped\n"),
        "{stdout}"
    );
}
