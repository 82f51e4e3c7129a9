//! The services the tests and the bench need, installed and started here so a fresh machine
//! (and CI) needs nothing but the README's command: a throwaway PostgreSQL 15 cluster (Debian's
//! `postgresql`), an S3-compatible server (`moto[server]` from PyPI) and an SMTP sink
//! (`aiosmtpd`, started by the tests that count messages). Each is stopped on drop.

use std::{
    fs,
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{ensure_packages, output, run, target_dir, tools_dir, venv_bin, Result};

/// Debian's PostgreSQL 15 server binaries.
const PG_BIN: &str = "/usr/lib/postgresql/15/bin";
const PG_PACKAGES: &[(&str, &str)] = &[
    ("postgresql-15", "/usr/lib/postgresql/15/bin/initdb"),
    ("openssl", "/usr/bin/openssl"),
];
/// PyPI packages the tests use, pinned: the test services, and a published Coupang client
/// (`coupang`, kyungdongseo/coupang) that drives the seller API as sellers' systems do.
const PYTHON_SERVICES: &[&str] = &["moto[server]==5.2.6", "aiosmtpd==1.4.6", "coupang==1.4.2"];

/// Installs what is missing: PostgreSQL from apt, moto and aiosmtpd in the project's venv.
pub fn install() -> Result {
    ensure_packages(PG_PACKAGES, "the PostgreSQL tests")?;
    crate::ensure_venv()?;
    let stamp = tools_dir().join("venv/services-installed");
    let wanted = PYTHON_SERVICES.join("\n");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str())
        || !venv_bin("moto_server").exists()
    {
        run(Command::new(venv_bin("pip"))
            .args(["install", "--quiet"])
            .args(PYTHON_SERVICES))?;
        fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    }
    Ok(())
}

pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn wait_for_port(port: u16, what: &str, log: &Path) -> Result {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!(
        "{what} did not listen on {port} within 60 s; see {}",
        log.display()
    ))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0")
}

/// A command run as the `postgres` user when we are root (PostgreSQL refuses to run as root),
/// else as ourselves.
fn as_postgres(program: &str) -> Command {
    let path = format!("{PG_BIN}/{program}");
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--", &path]);
        c
    } else {
        Command::new(path)
    }
}

/// A PostgreSQL cluster in `target/xtask/NAME`, on a free loopback port, fsync off; its
/// superuser `postgres` trusts local connections. With TLS, it serves a certificate signed by a
/// CA made for it, and its URLs require TLS and name that CA (`sslrootcert`), so every client
/// of it verifies the server as one of a managed database would. Stopped and removed on drop.
pub struct Postgres {
    dir: PathBuf,
    pub port: u16,
    tls: bool,
}

/// A CA and a server certificate for 127.0.0.1 signed by it, in `dir`.
fn make_certificates(dir: &Path) -> Result {
    let openssl = |args: &[&str]| {
        let mut c = Command::new("openssl");
        c.current_dir(dir)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        run(&mut c)
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=inquiry-desk test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ])?;
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ])?;
    fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").map_err(|e| e.to_string())?;
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.crt",
    ])
}

impl Postgres {
    /// Without TLS (the bench: a database on the same host).
    pub fn start(name: &str) -> Result<Self> {
        Self::start_with(name, false)
    }

    pub fn start_with(name: &str, tls: bool) -> Result<Self> {
        let dir = target_dir().join("xtask").join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        if tls {
            make_certificates(&dir)?;
        }
        if is_root() {
            run(Command::new("chown").args(["-R", "postgres"]).arg(&dir))?;
        }
        let data = dir.join("data");
        let quiet = |c: &mut Command| {
            c.stdout(Stdio::null());
        };
        let mut init = as_postgres("initdb");
        init.arg("-D")
            .arg(&data)
            .args(["-A", "trust", "--no-sync", "-U", "postgres", "-E", "UTF8"])
            .args(["--locale", "C.UTF-8"]);
        quiet(&mut init);
        run(&mut init)?;
        let port = free_port()?;
        let log = dir.join("postgres.log");
        let mut options = format!(
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -p {port} \
             -c listen_addresses=127.0.0.1 -k {} -c max_connections=400 \
             -c shared_buffers=256MB",
            dir.display()
        );
        if tls {
            options += &format!(
                " -c ssl=on -c ssl_cert_file={0}/server.crt -c ssl_key_file={0}/server.key",
                dir.display()
            );
        }
        let mut start = as_postgres("pg_ctl");
        start
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-l"])
            .arg(&log)
            .args(["-w", "start"]);
        quiet(&mut start);
        run(&mut start)?;
        println!(
            "PostgreSQL 15: port {port}{} (log: {})",
            if tls { ", TLS required" } else { "" },
            log.display()
        );
        Ok(Self { dir, port, tls })
    }

    /// The URL of database `db` as its superuser.
    fn url(&self, db: &str) -> String {
        let mut url = format!("postgres://postgres@127.0.0.1:{}/{db}", self.port);
        if self.tls {
            url += &format!("?sslmode=require&sslrootcert={}/ca.pem", self.dir.display());
        }
        url
    }

    /// A URL whose user may create databases.
    pub fn admin_url(&self) -> String {
        self.url("postgres")
    }

    /// Creates database `name`; its URL.
    pub fn create_database(&self, name: &str) -> Result<String> {
        run(Command::new("psql")
            .args(["-q", "-d", &self.admin_url(), "-c"])
            .arg(format!("CREATE DATABASE {name}")))?;
        Ok(self.url(name))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_postgres("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// An S3-compatible server (moto) on a free loopback port; killed on drop. Any access key
/// works; buckets are created by whoever uses them.
pub struct S3 {
    child: Child,
    pub port: u16,
}

impl S3 {
    pub fn start(name: &str) -> Result<Self> {
        let dir = target_dir().join("xtask").join(name);
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let port = free_port()?;
        let log = dir.join("moto.log");
        let file = fs::File::create(&log).map_err(|e| e.to_string())?;
        let child = Command::new(venv_bin("moto_server"))
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(file.try_clone().map_err(|e| e.to_string())?)
            .stderr(file)
            .spawn()
            .map_err(|e| format!("cannot start moto_server: {e}"))?;
        let s3 = Self { child, port };
        wait_for_port(port, "moto_server", &log)?;
        println!("S3-compatible server (moto) for the tests: http://127.0.0.1:{port}");
        Ok(s3)
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Everything the server's tests need, started; and the environment that tells them where.
pub struct TestServices {
    pub postgres: Postgres,
    pub s3: S3,
}

impl TestServices {
    pub fn start() -> Result<Self> {
        install()?;
        Ok(Self {
            postgres: Postgres::start_with("postgres", true)?,
            s3: S3::start("s3")?,
        })
    }

    /// `INQUIRY_TEST_POSTGRES_URL` (a superuser URL: each test creates its database),
    /// `INQUIRY_TEST_S3_ENDPOINT`, `INQUIRY_TEST_PYTHON` (for the SMTP sink) and
    /// `INQUIRY_TEST_REQUIRE_SERVICES` (a test that finds one missing fails instead of
    /// skipping).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("INQUIRY_TEST_POSTGRES_URL", self.postgres.admin_url()),
            ("INQUIRY_TEST_S3_ENDPOINT", self.s3.endpoint()),
            (
                "INQUIRY_TEST_PYTHON",
                venv_bin("python").to_string_lossy().into_owned(),
            ),
            ("INQUIRY_TEST_REQUIRE_SERVICES", "1".to_owned()),
        ]
    }
}
