//! The configuration a command runs with: `conclint.toml` (given with
//! `--config`, or found here or in a parent directory), then the rule
//! options of the command line on top. `lint` and `align` both build theirs
//! here, so a config means the same to each.

use super::args::RuleArgs;
use super::io::CliError;
use conclint::lint::config::Config;
use conclint::lint::Severity;

/// Builds the configuration: file first, then command-line selections;
/// every rule name checked against the registry.
pub fn config(args: &RuleArgs) -> Result<Config, CliError> {
    config_for(args, None)
}

/// As [`config`], with `conclint.toml` looked up from `near` (the folder
/// of the name `--stdin-filename` gives standard input) before the current
/// folder.
pub fn config_for(args: &RuleArgs, near: Option<&std::path::Path>) -> Result<Config, CliError> {
    let cwd = std::env::current_dir().ok();
    let start = near
        .map(|n| match &cwd {
            Some(c) => c.join(n),
            None => n.to_path_buf(),
        })
        .or(cwd);
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => start.and_then(|d| Config::discover(&d)),
    };
    let mut c = match path {
        Some(p) => conclint::registry::load_config(&p)?,
        None => Config::default(),
    };
    if !args.select.is_empty() {
        c.select = args.select.clone();
    }
    c.ignore.extend(args.ignore.iter().cloned());
    for s in &args.severity {
        let (rule, level) = s
            .split_once('=')
            .ok_or_else(|| format!("--severity takes RULE=LEVEL, not `{s}`"))?;
        let level: Severity =
            serde_json::from_value(serde_json::Value::String(level.to_lowercase()))
                .map_err(|_| format!("unknown severity `{level}` (error, warning, info)"))?;
        c.severity.insert(rule.to_string(), level);
    }
    if let Some(f) = args.fail_on {
        c.fail_on = Some(f.into());
    }
    conclint::registry::validate(&c)?;
    Ok(c)
}
