//! What a file's name says before it is read: a Terraform file's role in its
//! module, and the waivers file a scanned folder may hold. Discovery, parsing,
//! suppressions and report destinations all ask.

/// The waivers file found in a scanned folder without `--waivers`.
pub const WAIVERS_FILE: &str = ".aggrego-waivers.yaml";

/// Which files of a folder Terraform reads, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileRole {
    /// `.tf`
    Hcl,
    /// `.tf.json`
    Json,
    /// `terraform.tfvars(.json)` (0) or `*.auto.tfvars(.json)` (1): applied in that order.
    Tfvars(u8),
    /// Any other `.tfvars`: read only when given with `--var-file`.
    Unloaded,
}

pub fn role(path: &std::path::Path) -> Option<FileRole> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if let Some(stem) = name
        .strip_suffix(".tfvars")
        .or_else(|| name.strip_suffix(".tfvars.json"))
    {
        return Some(match stem {
            "terraform" => FileRole::Tfvars(0),
            s if s.ends_with(".auto") => FileRole::Tfvars(1),
            _ => FileRole::Unloaded,
        });
    }
    if name.ends_with(".tf.json") {
        return Some(FileRole::Json);
    }
    name.ends_with(".tf").then_some(FileRole::Hcl)
}

/// A file Terraform reads as part of a module (or a variables file).
pub fn is_terraform(path: &std::path::Path) -> bool {
    role(path).is_some()
}
