//! Connections: the cap per client and in all, idle connections closed
//! first near the cap, graceful shutdown and signals.

use super::*;

/// A keep-alive connection that has had one answer and stays open.
async fn kept_alive(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    assert!(
        ask(&mut stream, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    stream
}

/// Asks for `path` on an open connection; the start of the answer.
async fn ask(stream: &mut TcpStream, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut buf = [0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
        .await
        .expect("an answer within 5 s")
        .unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[tokio::test]
async fn at_the_cap_a_new_connection_takes_the_place_of_the_one_idle_longest() {
    let server = site(ServeOptions {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        ..ServeOptions::default()
    })
    .await;
    let mut oldest = kept_alive(server.addr).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut newer = kept_alive(server.addr).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Both places are taken by idle connections: a third is served at
    // once, in the place of the one idle longest.
    let start = Instant::now();
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    assert!(
        ask(&mut third, "/robots.txt")
            .await
            .starts_with("HTTP/1.1 200")
    );
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert!(
        closed_within(&mut oldest, Duration::from_secs(2))
            .await
            .is_some(),
        "the connection idle longest was closed"
    );
    assert!(
        ask(&mut newer, "/robots.txt")
            .await
            .starts_with("HTTP/1.1 200")
    );
}

#[tokio::test]
async fn at_the_cap_connections_waiting_for_an_answer_keep_their_place() {
    let server = test_routes(ServeOptions {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        ..ServeOptions::default()
    })
    .await;
    let mut busy = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        stream
            .write_all(b"GET /en/slow/1500 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .unwrap();
        busy.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The third waits while both are busy.
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    third
        .write_all(b"GET /bn/slow/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 4096];
    assert!(
        tokio::time::timeout(Duration::from_millis(700), third.read(&mut buf))
            .await
            .is_err(),
        "a third connection was served while two were busy"
    );
    // The busy ones get their answers whole; then the third is served.
    for stream in &mut busy {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        let answer = String::from_utf8_lossy(&buf[..n]);
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("done"), "{answer}");
    }
    let n = tokio::time::timeout(Duration::from_secs(5), third.read(&mut buf))
        .await
        .expect("served once a connection was free")
        .unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
}

#[tokio::test]
async fn near_the_cap_idle_connections_close_after_a_second() {
    let options = ServeOptions {
        max_connections: 4,
        header_read_timeout: Duration::from_secs(30),
        ..ServeOptions::default()
    };
    let server = site(options.clone()).await;
    let mut idle = vec![kept_alive(server.addr).await, kept_alive(server.addr).await];
    // One that trickles its headers is as idle as one that sends nothing.
    let mut trickling = TcpStream::connect(server.addr).await.unwrap();
    trickling.write_all(b"GET /bn/ HTTP/1.1\r\n").await.unwrap();
    idle.push(trickling);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    trickle(&mut idle[2]).await;
    // A fourth makes three quarters of the cap: the three idle for over
    // a second are closed, long before the 30 s header timeout.
    let mut fourth = TcpStream::connect(server.addr).await.unwrap();
    assert!(
        ask(&mut fourth, "/robots.txt")
            .await
            .starts_with("HTTP/1.1 200")
    );
    for (i, stream) in idle.iter_mut().enumerate() {
        assert!(
            closed_within(stream, Duration::from_secs(2))
                .await
                .is_some(),
            "idle connection {i} still open"
        );
    }
    // The fourth, just answered, keeps its place.
    assert!(
        ask(&mut fourth, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    // Far from the cap, idle connections stay.
    let roomy = site(ServeOptions {
        max_connections: 100,
        ..options
    })
    .await;
    let mut idle = kept_alive(roomy.addr).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let _more = kept_alive(roomy.addr).await;
    assert!(
        closed_within(&mut idle, Duration::from_millis(500))
            .await
            .is_none()
    );
    assert!(
        ask(&mut idle, "/robots.txt")
            .await
            .starts_with("HTTP/1.1 200")
    );
}

/// One more header line, as a slow client sends them.
async fn trickle(stream: &mut TcpStream) {
    stream.write_all(b"X-Slow: 1\r\n").await.unwrap();
}

#[tokio::test]
async fn shutdown_lets_requests_in_flight_finish_and_refuses_new_ones() {
    let mut server = test_routes(ServeOptions::default()).await;
    let base = server.base.clone();
    let in_flight =
        tokio::spawn(async move { fetch(&base, Method::GET, "/en/slow/1500", &[]).await });
    // An idle keep-alive connection must not hold shutdown up.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(b"GET /bn/slow/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 4096];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start = Instant::now();
    server.shutdown();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "no new connections after shutdown"
    );
    let reply = in_flight.await.unwrap();
    assert_eq!((reply.status, reply.body.as_str()), (200, "done"));
    tokio::time::timeout(Duration::from_secs(5), &mut server.task)
        .await
        .expect("serve_with returns once the request is done")
        .unwrap()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    assert!(
        closed_within(&mut idle, Duration::from_secs(1))
            .await
            .is_some()
    );
}

#[tokio::test]
async fn shutdown_waits_no_longer_than_the_grace_period() {
    let mut server = test_routes(ServeOptions {
        shutdown_grace: Duration::from_millis(500),
        request_timeout: Duration::from_secs(60),
        ..ServeOptions::default()
    })
    .await;
    let base = server.base.clone();
    let stuck = tokio::spawn(async move {
        client()
            .get(format!("{base}/en/slow/30000"))
            .send()
            .await
            .map(|r| r.status())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start = Instant::now();
    server.shutdown();
    tokio::time::timeout(Duration::from_secs(3), &mut server.task)
        .await
        .expect("serve_with returns after the grace period")
        .unwrap()
        .unwrap();
    assert!(start.elapsed() >= Duration::from_millis(450));
    stuck.abort();
}

/// The `charter` binary, killed if a test fails before it exits.
pub(super) struct Binary(Option<Child>);

impl Drop for Binary {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

pub(super) async fn start_binary(extra: &[&str], env: &[(&str, &str)]) -> (Binary, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args([
            "serve",
            "--no-watch",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .arg("--charter")
        .arg(bundled())
        .args(extra)
        .envs(env.iter().copied())
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let binary = Binary(Some(child));
    let base = format!("http://127.0.0.1:{port}");
    wait_until_serving(&base, Duration::from_secs(30)).await;
    (binary, base)
}

/// Sends `signal` and waits for the exit: its status, how long it took, and
/// what the binary wrote to stderr.
pub(super) fn stop(
    binary: &mut Binary,
    signal: &str,
) -> (std::process::ExitStatus, Duration, String) {
    let child = binary.0.take().unwrap();
    let start = Instant::now();
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = rx
        .recv_timeout(Duration::from_secs(15))
        .unwrap_or_else(|_| panic!("still running 15 s after SIG{signal}"))
        .unwrap();
    (
        output.status,
        start.elapsed(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[tokio::test]
async fn sigterm_and_sigint_stop_the_binary_with_status_0() {
    for signal in ["TERM", "INT"] {
        let (mut binary, base) = start_binary(&[], &[]).await;
        // A keep-alive connection stays open in the client's pool.
        let client = client();
        let reply = client.get(format!("{base}/bn/")).send().await.unwrap();
        assert_eq!(reply.status(), 200);
        let (status, took, stderr) = stop(&mut binary, signal);
        assert!(status.success(), "SIG{signal}: {status}\n{stderr}");
        assert!(took < Duration::from_secs(10), "SIG{signal}: {took:?}");
        assert!(stderr.contains("shutting down"), "{stderr}");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn one_client_cannot_take_every_connection() {
    // Loopback limited too, as when nothing is in front of the server.
    let server = site(ServeOptions {
        max_connections_per_client: 3,
        limit_loopback: true,
        ..ServeOptions::default()
    })
    .await;
    // Three idle connections: the client's share.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(server.addr).await.unwrap());
    }
    // Give the server time to accept them (no request is sent).
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A fourth is closed at once, with no answer.
    let mut fourth = TcpStream::connect(server.addr).await.unwrap();
    assert!(
        closed_within(&mut fourth, Duration::from_secs(2))
            .await
            .is_some(),
        "the fourth connection stayed open"
    );
    // One closed frees its place.
    drop(held.pop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(raw(server.addr, &get_request(b"/en/")).await.status, 200);
    // Without --limit-loopback, a proxy on this machine is never cut.
    let proxied = site(ServeOptions {
        max_connections_per_client: 1,
        ..ServeOptions::default()
    })
    .await;
    let _open: Vec<_> = connections(proxied.addr, 4).await;
    assert_eq!(raw(proxied.addr, &get_request(b"/bn/")).await.status, 200);
}

/// `n` connections to `addr`, held open.
async fn connections(addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(TcpStream::connect(addr).await.unwrap());
    }
    out
}
