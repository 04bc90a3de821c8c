//! The options and paths of one command line, read the same way by every
//! command.

use std::path::PathBuf;

/// Options and paths of one command.
pub(super) struct Arguments {
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    pub paths: Vec<PathBuf>,
}

/// Whether a command writes its files or, with `--check`, only compares
/// them with what it would write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Write,
    Check,
}

impl Arguments {
    /// Reads `args`, allowing the `flags` (no value) and `options` (one value).
    pub fn parse(
        args: &[String],
        flags: &[&'static str],
        options: &[&'static str],
    ) -> Result<Self, String> {
        let mut parsed = Arguments {
            flags: Vec::new(),
            values: Vec::new(),
            paths: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if let Some(flag) = flags.iter().find(|f| **f == arg) {
                parsed.flags.push(flag);
            } else if let Some(option) = options.iter().find(|o| **o == arg) {
                let value = args
                    .next()
                    .ok_or_else(|| format!("{option} needs a value"))?;
                parsed.values.push((option, value.clone()));
            } else if arg.starts_with('-') && arg != "-" {
                return Err(format!("unknown option `{arg}`"));
            } else {
                parsed.paths.push(PathBuf::from(arg));
            }
        }
        Ok(parsed)
    }

    /// [`Mode::Check`] when `--check` is given.
    pub fn mode(&self) -> Mode {
        if self.flags.contains(&"--check") {
            Mode::Check
        } else {
            Mode::Write
        }
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The paths given, or `default`; each must exist.
    pub fn paths_or(&self, default: &str) -> Result<Vec<PathBuf>, String> {
        let paths = if self.paths.is_empty() {
            vec![PathBuf::from(default)]
        } else {
            self.paths.clone()
        };
        for path in &paths {
            if !path.exists() {
                return Err(format!("{} does not exist", path.display()));
            }
        }
        Ok(paths)
    }
}
