//! What the end-to-end tests need around the real app: a virtual display (Xvfb), `tauri-driver`
//! in front of WebKitWebDriver, a WebDriver session on the app binary, and small helpers that
//! wait for the screen instead of sleeping.

use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use std::error::Error;
use std::net::TcpListener;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Res<T> = Result<T, Box<dyn Error>>;

/// The repository root (the test belongs to the `src-tauri` package).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The app binary cargo built for this test (it embeds ui/dist: run ./scripts/build-ui.sh first).
pub fn app_binary() -> Res<PathBuf> {
    Ok(PathBuf::from(env!("CARGO_BIN_EXE_fieldscreen-app")).canonicalize()?)
}

fn find_program(name: &str, extra: &[PathBuf]) -> Res<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().cloned())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("`{name}` not found: run ./scripts/setup-system.sh").into())
}

/// The app tests run one at a time: two instances of the app share its identity's WebKit data,
/// and two WebKit processes at once on a two-core machine hang (seen: "session deleted because
/// of page crash or hang"). A test that panicked does not stop the next one.
pub async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    SERIAL.lock().await
}

fn free_port() -> Res<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A child process that is killed when the test ends, however it ends; with `.1`, its whole
/// process group (tauri-driver's WebKitWebDriver outlived it otherwise, one per test).
pub struct Process(Child, bool);

impl Drop for Process {
    fn drop(&mut self) {
        if self.1 {
            let group = format!("-{}", self.0.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An Xvfb display of its own, so tests never touch a real screen.
pub struct Display {
    pub name: String,
    _xvfb: Process,
}

impl Display {
    pub fn start() -> Res<Display> {
        let xvfb = find_program("Xvfb", &[])?;
        for n in 90..130 {
            let (socket, lock) = (format!("/tmp/.X11-unix/X{n}"), format!("/tmp/.X{n}-lock"));
            // An Xvfb that was killed leaves its lock and socket behind: those of a process that
            // is gone are taken back, or the displays run out after a few dozen runs.
            let holder = std::fs::read_to_string(&lock)
                .ok()
                .and_then(|s| s.trim().parse::<u32>().ok());
            if holder.is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists()) {
                let _ = std::fs::remove_file(&lock);
                let _ = std::fs::remove_file(&socket);
            }
            if Path::new(&socket).exists() || Path::new(&lock).exists() {
                continue;
            }
            let child = Command::new(&xvfb)
                .args([
                    format!(":{n}").as_str(),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()?;
            let process = Process(child, false);
            if wait_until(Duration::from_secs(10), || Path::new(&socket).exists()) {
                return Ok(Display {
                    name: format!(":{n}"),
                    _xvfb: process,
                });
            }
        }
        Err("could not start Xvfb on any display between :90 and :129".into())
    }
}

fn wait_until(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// `fieldscreen-relay` on a free port with its own SQLite file (scripts/test.sh builds it).
pub struct Relay {
    pub url: String,
    pub dir: tempfile::TempDir,
    _process: Process,
}

impl Relay {
    pub fn start() -> Res<Relay> {
        use std::io::BufRead;
        let bin = app_binary()?
            .parent()
            .map(|d| d.join("fieldscreen-relay"))
            .ok_or("no target directory")?;
        if !bin.exists() {
            return Err(format!("{} is missing: cargo build -p fieldscreen-relay", bin.display()).into());
        }
        let dir = tempfile::tempdir()?;
        let mut child = Command::new(bin)
            .args(["--listen", "127.0.0.1:0", "--database"])
            .arg(format!("sqlite:{}", dir.path().join("relay.db").display()))
            .arg("--open-registration")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut line = String::new();
        let out = child.stdout.take().ok_or("no stdout")?;
        let process = Process(child, false);
        std::io::BufReader::new(out).read_line(&mut line)?;
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .ok_or("the relay did not start")?;
        Ok(Relay {
            url: format!("http://{addr}"),
            dir,
            _process: process,
        })
    }

    /// How often `needle` occurs in the relay's files.
    pub fn occurrences(&self, needle: &str) -> Res<usize> {
        let mut n = 0;
        for e in std::fs::read_dir(self.dir.path())? {
            let bytes = std::fs::read(e?.path())?;
            n += bytes.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count();
        }
        Ok(n)
    }
}

/// `tauri-driver` on a free port, starting the app with the given vault directory.
pub struct Driver {
    pub url: String,
    app: PathBuf,
    log: PathBuf,
    _process: Process,
}

impl Driver {
    pub fn start(display: &Display, vault: &Path) -> Res<Driver> {
        let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
        let driver = find_program("tauri-driver", &home_bin.into_iter().collect::<Vec<_>>())?;
        let native = find_program("WebKitWebDriver", &[])?;
        let (port, native_port) = (free_port()?, free_port()?);
        // Its output is kept: when a run fails on another machine it is the only witness.
        let logs = root().join("target/screenshots/e2e");
        std::fs::create_dir_all(&logs)?;
        let log_path = logs.join("tauri-driver.log");
        let log = std::fs::File::create(&log_path)?;
        let child = Command::new(driver)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .arg("--native-driver")
            .arg(native)
            .env("DISPLAY", &display.name)
            .env("FIELDSCREEN_VAULT", vault)
            .env("RUST_LOG", "warn")
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .spawn()?;
        let process = Process(child, true);
        // tauri-driver listens at once but forwards a new session to WebKitWebDriver, which it
        // starts alongside and which takes a moment longer: a session asked for before both
        // listen fails with a cut connection (seen on a cold CI machine).
        let addr = format!("127.0.0.1:{port}");
        let native_addr = format!("127.0.0.1:{native_port}");
        for (who, at) in [("tauri-driver", &addr), ("WebKitWebDriver", &native_addr)] {
            if !wait_until(Duration::from_secs(30), || std::net::TcpStream::connect(at).is_ok()) {
                return Err(format!("{who} did not start listening on {at}").into());
            }
        }
        Ok(Driver {
            url: format!("http://{addr}"),
            app: app_binary()?,
            log: log_path,
            _process: process,
        })
    }

    /// Starts the app and attaches a WebDriver session to it.
    pub async fn launch(&self) -> Res<App> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.app.to_string_lossy() }),
        );
        // A first session on a cold machine can still be refused while the web process
        // starts; a few spaced attempts, then the real error.
        let mut attempt = 0;
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&self.url)
                .await
            {
                Ok(client) => break client,
                Err(e) if attempt < 4 => {
                    attempt += 1;
                    eprintln!("WebDriver session refused ({e}); attempt {attempt} of 4 again");
                    tokio::time::sleep(Duration::from_secs(attempt)).await;
                }
                Err(e) => {
                    let log = std::fs::read_to_string(&self.log).unwrap_or_default();
                    return Err(format!("no WebDriver session: {e}; tauri-driver said:\n{log}").into());
                }
            }
        };
        Ok(App {
            client,
            shots: root().join("target/screenshots/e2e"),
        })
    }
}

/// One running app, driven through its web view.
pub struct App {
    pub client: Client,
    shots: PathBuf,
}

const PATIENCE: Duration = Duration::from_secs(15);

impl App {
    /// The first element matching `css`, waiting for it to appear.
    pub async fn wait(&self, css: &str) -> Res<Element> {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return Ok(e);
            }
            if start.elapsed() > PATIENCE {
                let _ = self.shot("failure").await;
                let body = self
                    .script(
                        "return document.body ? document.body.innerText.slice(0, 300) : null;",
                        vec![],
                    )
                    .await
                    .unwrap_or_default();
                return Err(format!("nothing matches `{css}` after {PATIENCE:?}; the screen shows {body}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, css: &str) -> Res<usize> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    pub async fn click(&self, css: &str) -> Res<()> {
        let e = self.wait(css).await?;
        // Centred first: scrolled to the top edge, the sticky header would take the click.
        self.script(
            "document.querySelector(arguments[0])?.scrollIntoView({ block: 'center' });",
            vec![css.into()],
        )
        .await?;
        e.click().await?;
        Ok(())
    }

    /// Replaces an input's value by typing, as a person would.
    pub async fn fill(&self, css: &str, text: &str) -> Res<()> {
        let e = self.wait(css).await?;
        e.clear().await?;
        e.send_keys(text).await?;
        Ok(())
    }

    /// Sets a `<select>` and fires `change`, which is what the front end listens to.
    pub async fn choose(&self, css: &str, value: &str) -> Res<()> {
        self.wait(css).await?;
        self.script(
            "const s = document.querySelector(arguments[0]); s.value = arguments[1]; \
             s.dispatchEvent(new Event('change', { bubbles: true })); return s.value;",
            vec![css.into(), value.into()],
        )
        .await?;
        Ok(())
    }

    pub async fn script(&self, js: &str, args: Vec<serde_json::Value>) -> Res<serde_json::Value> {
        // WebKitWebDriver once answered "Could not parse script result" to a script that returns
        // plain JSON, in a full run where the same test passed before and after: a transient
        // of the driver, most likely while the page re-rendered. Asking again is safe: these
        // scripts only read, or set a value to what it already is.
        let mut tries = 0;
        loop {
            match self.client.execute(js, args.clone()).await {
                Err(fantoccini::error::CmdError::Standard(e))
                    if tries < 3 && e.message.contains("Could not parse script result") =>
                {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return Ok(other?),
            }
        }
    }

    /// Waits until `js` (a function body) returns something other than null/false.
    pub async fn until(&self, what: &str, js: &str) -> Res<serde_json::Value> {
        let start = Instant::now();
        loop {
            let v = self.script(js, vec![]).await?;
            if !v.is_null() && v != serde_json::Value::Bool(false) {
                return Ok(v);
            }
            if start.elapsed() > PATIENCE {
                let _ = self.shot("failure").await;
                return Err(format!("timed out waiting for {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn text(&self, css: &str) -> Res<String> {
        Ok(self.wait(css).await?.text().await?)
    }

    /// Saves a screenshot under target/screenshots/e2e, kept as a test artifact.
    pub async fn shot(&self, name: &str) -> Res<()> {
        std::fs::create_dir_all(&self.shots)?;
        let png = self.client.screenshot().await?;
        std::fs::write(self.shots.join(format!("{name}.png")), png)?;
        Ok(())
    }

    pub async fn quit(self) -> Res<()> {
        self.client.close().await?;
        Ok(())
    }
}

/// A scripted interview (`tests/interviews/*.answers`, `tests/vignettes/*.answers`): answers keyed
/// by question id (`age: 30`), or plain lines each after a `# id` comment, and `#! expect level: …`
/// headers. The CLI tests run the same files.
pub struct Script {
    pub answers: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    /// `:stop-at QUESTION`: the respondent stops when that question comes.
    pub stop_at: Option<String>,
}

impl Script {
    pub fn read(name: &str) -> Res<Script> {
        Script::read_in("tests/interviews", name)
    }

    pub fn read_in(dir: &str, name: &str) -> Res<Script> {
        let text = std::fs::read_to_string(root().join(dir).join(name))?;
        let mut answers = Vec::new();
        let mut headers = Vec::new();
        let mut question: Option<String> = None;
        let mut stop_at = None;
        for line in text.lines() {
            if let Some(q) = line.strip_prefix(":stop-at ") {
                stop_at = Some(q.trim().to_string());
            } else if let Some(h) = line.strip_prefix("#!") {
                if let Some((k, v)) = h.split_once(':') {
                    headers.push((k.trim().to_string(), v.trim().to_string()));
                }
            } else if let Some(q) = line.strip_prefix('#') {
                question = Some(q.trim().to_string());
            } else if let Some((q, a)) = line.split_once(':').filter(|(q, _)| {
                !q.is_empty()
                    && q.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            }) {
                answers.push((q.to_string(), a.trim().to_string()));
            } else if let Some(q) = question.take() {
                answers.push((q, line.trim().to_string()));
            }
        }
        Ok(Script {
            answers,
            headers,
            stop_at,
        })
    }

    pub fn header(&self, key: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn answer_for(&self, question: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|(q, _)| q == question)
            .map(|(_, a)| a.as_str())
    }
}

/// A door in front of a relay: it passes connections through until `hang` is raised, then takes
/// every new connection and never answers (a relay behind a dead link or a captive portal).
pub struct Gate {
    pub url: String,
    pub hang: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Gate {
    pub fn start(relay: &Relay) -> Res<Gate> {
        use std::sync::atomic::Ordering;
        let target = relay.url.trim_start_matches("http://").to_string();
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("http://{}", listener.local_addr()?);
        let hang = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let hanging = hang.clone();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for conn in listener.incoming().flatten() {
                if hanging.load(Ordering::SeqCst) {
                    held.push(conn);
                    continue;
                }
                let Ok(upstream) = std::net::TcpStream::connect(&target) else {
                    continue;
                };
                let (Ok(mut a), Ok(mut b)) = (conn.try_clone(), upstream.try_clone()) else {
                    continue;
                };
                let (mut c, mut u) = (conn, upstream);
                std::thread::spawn(move || std::io::copy(&mut a, &mut u));
                std::thread::spawn(move || std::io::copy(&mut b, &mut c));
            }
        });
        Ok(Gate { url, hang })
    }
}

impl App {
    /// Calls a Tauri command from the page, as the front end does, and returns its answer.
    pub async fn invoke(&self, command: &str, args: serde_json::Value) -> Res<serde_json::Value> {
        let js = "const done = arguments[arguments.length - 1];
                  window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
                    .then((v) => done({ ok: v }), (e) => done({ err: e }));";
        let answer = self.client.execute_async(js, vec![command.into(), args]).await?;
        match answer.get("ok") {
            Some(v) => Ok(v.clone()),
            None => Err(format!("{command} failed: {answer}").into()),
        }
    }
}
