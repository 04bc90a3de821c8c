#![cfg(not(target_arch = "wasm32"))]
//! The `monograph` command as CI and editors run it: the built binary on
//! temporary directories, its output and its exit status (0 fine, 1
//! problems found, 2 bad command line).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "monograph-cli-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, text: &str) {
        fs::write(self.path(name), text).unwrap();
    }

    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn repo(path: &str) -> String {
    fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(path)).unwrap()
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `monograph args…` in `dir`.
fn monograph(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_monograph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    Run {
        status: output.status.code().expect("exits normally"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A temporary `content/` with the seed's Markdown in it.
fn content_with_seed() -> TempDir {
    let dir = TempDir::new();
    fs::create_dir(dir.path("content")).unwrap();
    dir.write("content/lenalidomide.md", &repo("content/lenalidomide.md"));
    dir.write("content/glossary.md", &repo("content/glossary.md"));
    dir
}

#[test]
fn the_repository_content_is_up_to_date_and_valid() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    for args in [
        &["convert", "--check", "content/"][..],
        &["check", "content/"],
        &["schema", "--check"],
        &["index", "--check"],
    ] {
        let run = monograph(root, args);
        assert_eq!(run.status, 0, "monograph {args:?}:\n{}", run.stdout);
    }
}

#[test]
fn help_and_command_line_mistakes() {
    let dir = TempDir::new();
    let help = monograph(&dir.0, &["--help"]);
    assert_eq!(help.status, 0);
    assert!(help.stdout.contains("monograph convert [--check]"));
    for args in [
        &[][..],
        &["convertt"],
        &["convert", "--chek"],
        &["convert", "missing-dir"],
        &["check", "--today", "tomorrow", "."],
        &["convert", "--out-dir"],
    ] {
        let run = monograph(&dir.0, args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(
            run.stderr.starts_with("monograph: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn convert_writes_json_next_to_the_markdown_and_check_passes() {
    let dir = content_with_seed();
    let run = monograph(&dir.0, &["convert"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("wrote content/lenalidomide.json"),
        "{}",
        run.stdout
    );
    assert_eq!(
        dir.read("content/lenalidomide.json"),
        repo("content/lenalidomide.json")
    );
    let again = monograph(&dir.0, &["convert", "--check", "content"]);
    assert_eq!(again.status, 0, "{}", again.stdout);
    assert!(again.stdout.contains("1 of 1 JSON files up to date"));
}

#[test]
fn convert_check_fails_on_stale_missing_or_orphan_json_and_names_the_file() {
    let dir = content_with_seed();
    let missing = monograph(&dir.0, &["convert", "--check"]);
    assert_eq!(missing.status, 1);
    assert!(missing
        .stdout
        .contains("content/lenalidomide.json:1:1: error: is missing"));
    assert!(
        !dir.path("content/lenalidomide.json").exists(),
        "--check writes nothing"
    );

    let stale = repo("content/lenalidomide.json").replace("Fatigue", "Tiredness");
    dir.write("content/lenalidomide.json", &stale);
    let run = monograph(&dir.0, &["convert", "--check", "content/"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains(
            "content/lenalidomide.json:172:1: error: is out of date: it differs from what \
             `monograph convert` makes of content/lenalidomide.md"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        dir.read("content/lenalidomide.json"),
        stale,
        "--check writes nothing"
    );

    dir.write(
        "content/lenalidomide.json",
        &repo("content/lenalidomide.json"),
    );
    dir.write(
        "content/hand-written.json",
        &repo("content/lenalidomide.json"),
    );
    let orphan = monograph(&dir.0, &["convert", "--check"]);
    assert_eq!(orphan.status, 1);
    assert!(orphan
        .stdout
        .contains("content/hand-written.json:1:1: error: has no Markdown source"));
}

#[test]
fn convert_reports_errors_and_writes_nothing_for_that_file() {
    let dir = content_with_seed();
    let broken = repo("content/lenalidomide.md").replace("### Usage", "### Usge");
    dir.write("content/lenalidomide.md", &broken);
    let run = monograph(&dir.0, &["convert"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains(
            "content/lenalidomide.md:13:1: error: unknown section heading \"Usge\" (did you \
             mean \"Usage\"?)"
        ),
        "{}",
        run.stdout
    );
    assert!(!dir.path("content/lenalidomide.json").exists());
}

#[test]
fn convert_can_write_elsewhere() {
    let dir = content_with_seed();
    fs::create_dir(dir.path("out")).unwrap();
    let run = monograph(
        &dir.0,
        &["convert", "--out-dir", "out", "content/lenalidomide.md"],
    );
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(
        dir.read("out/lenalidomide.json"),
        repo("content/lenalidomide.json")
    );
}

#[test]
fn check_lists_every_problem_in_every_file_and_fails() {
    let dir = content_with_seed();
    let markdown = repo("content/lenalidomide.md")
        .replace("language: en\n", "language: en\nbrand_name: [Revlimid]\n")
        .replace(
            "* **Q: How should I store Lenalidomide?**\nA: ",
            "* **Q: How should I store Lenalidomide?**\n",
        );
    dir.write("content/lenalidomide.md", &markdown);
    dir.write("content/other.json", "{\"schema_version\": 1}\n");
    let run = monograph(&dir.0, &["check", "--today", "2026-01-01"]);
    assert_eq!(run.status, 1);
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors.len(),
        7,
        "the Markdown's two problems and the JSON's five: {}",
        run.stdout
    );
    assert!(errors[0].starts_with("content/lenalidomide.md:5:1: error: unknown front-matter key `brand_name` (did you mean `brand_names`?)"));
    assert!(errors[1].starts_with("content/lenalidomide.md:104:3: error: the question \"How should I store Lenalidomide?\" has no answer: start the answer with `A:`"));
    assert!(errors[2..]
        .iter()
        .all(|e| e.starts_with("content/other.json:1:1: error: ")));
    assert!(
        run.stdout
            .ends_with("checked 3 files: 7 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn warnings_alone_do_not_fail_check() {
    let dir = content_with_seed();
    let markdown = repo("content/lenalidomide.md")
        .replace("language: en\n", "language: en\nnext_review: 2025-06-30\n");
    dir.write("content/lenalidomide.md", &markdown);
    let run = monograph(
        &dir.0,
        &["check", "--today", "2026-01-01", "content/lenalidomide.md"],
    );
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(run
        .stdout
        .contains("content/lenalidomide.md:5:14: warning: the next review was due on 2025-06-30"));
    assert!(run
        .stdout
        .contains("content/lenalidomide.md:14:1: warning: \"Usage\" reads at grade 14.2"));
    let on_time = monograph(&dir.0, &["check", "--today", "2025-06-30", "content"]);
    assert!(
        !on_time.stdout.contains("next review"),
        "due today is not overdue"
    );
}

#[test]
fn index_and_schema_are_written_and_checked() {
    let dir = content_with_seed();
    assert_eq!(monograph(&dir.0, &["convert"]).status, 0);
    let run = monograph(&dir.0, &["index"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(dir.read("content/index.json"), repo("content/index.json"));
    assert_eq!(monograph(&dir.0, &["index", "--check"]).status, 0);

    dir.write("content/index.json", "{}\n");
    let stale = monograph(&dir.0, &["index", "--check", "content"]);
    assert_eq!(stale.status, 1);
    assert!(stale
        .stdout
        .contains("content/index.json:1:1: error: is out of date"));

    dir.write("content/copy.json", &repo("content/lenalidomide.json"));
    let duplicate = monograph(&dir.0, &["index"]);
    assert_eq!(duplicate.status, 1);
    assert!(duplicate.stdout.contains("content/lenalidomide.json:3:3: error: the id \"lenalidomide\" (language en) is also the id of content/copy.json"), "{}", duplicate.stdout);
    assert_eq!(dir.read("content/index.json"), "{}\n", "not written");

    let schema = monograph(&dir.0, &["schema"]);
    assert_eq!(schema.status, 0);
    assert_eq!(
        dir.read("content/monograph.schema.json"),
        repo("content/monograph.schema.json")
    );
    dir.write("content/monograph.schema.json", "{}\n");
    assert_eq!(monograph(&dir.0, &["schema", "--check"]).status, 1);
}

#[test]
fn a_code_two_monographs_claim_fails_check_and_index_naming_both_places() {
    let dir = TempDir::new();
    fs::create_dir(dir.path("content")).unwrap();
    for name in ["examplomab.md", "mockazole.md"] {
        let text = repo(&format!("tests/fixtures/catalog/{name}"));
        dir.write(&format!("content/{name}"), &text);
    }
    assert_eq!(monograph(&dir.0, &["check", "content"]).status, 0);
    // Mockazole claims examplomab's second package, written 5-4-2.
    let mockazole = repo("tests/fixtures/catalog/mockazole.md").replace(
        "ndc: [\"99999-101-01\"]",
        "ndc: [\"99999-101-01\", \"09999-0101-02\"]",
    );
    dir.write("content/mockazole.md", &mockazole);

    let check = monograph(&dir.0, &["check", "content"]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    assert!(
        check.stdout.contains(
            "content/mockazole.md:6:23: error: the NDC 09999-0101-02 is also a code of \
             \"examplomab\" (content/examplomab.md:10:23): a code must lead to one monograph, \
             so keep it in only one of them"
        ),
        "{}",
        check.stdout
    );

    assert_eq!(monograph(&dir.0, &["convert", "content"]).status, 0);
    let index = monograph(&dir.0, &["index", "content"]);
    assert_eq!(index.status, 1, "{}", index.stdout);
    assert!(
        index.stdout.contains(
            "content/mockazole.json:12:7: error: the NDC 09999-0101-02 is also a code of \
             \"examplomab\" (content/examplomab.json:14:7)"
        ),
        "{}",
        index.stdout
    );
    assert!(!dir.path("content/index.json").exists(), "not written");
}

#[test]
fn the_catalog_maps_every_code_to_its_monograph() {
    let index: serde_json::Value =
        serde_json::from_str(&repo("tests/fixtures/catalog/index.json")).unwrap();
    assert_eq!(index["codes"]["rxcui"]["990000001"], "examplomab");
    // Every NDC in its 11-digit form, whatever layout the monograph used.
    assert_eq!(index["codes"]["ndc"]["09999010101"], "examplomab");
    assert_eq!(index["codes"]["ndc"]["99999010101"], "mockazole");
    assert_eq!(index["codes"]["ndc"]["99990101001"], "testovir");
    assert_eq!(index["codes"]["ndc"]["99998202001"], "samplinib");
}
