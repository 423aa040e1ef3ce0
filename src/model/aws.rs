//! AWS identifiers: region codes, account IDs in text, and the region or
//! aggregator a path implies (context a file does not state itself).

use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

// Constant patterns, checked by the tests below; `None` only if one were invalid.
static REGION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z0-9])((?:us-gov|us-iso|us-isob|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)-[0-9]{1,2})(?:$|[^a-z0-9])",
    )
    .ok()
});

static ARN_REGION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^arn:aws[a-z-]*:config:([a-z0-9-]+):([0-9]{12}):").ok());

/// The region code closest to the file name in a path (`snap/us-east-1/x.json`,
/// `describe-eu-west-1.json`).
pub fn region_in_path(path: &Path) -> Option<String> {
    let s = path.to_string_lossy().to_ascii_lowercase();
    let re = REGION.as_ref()?;
    let mut found = None;
    let mut at = 0;
    while let Some(c) = re.captures_at(&s, at) {
        let Some(m) = c.get(1) else { break };
        found = Some(m.as_str().to_string());
        at = m.end();
    }
    found
}

/// `us-east-1`, `ap-southeast-5`, `us-gov-west-1`, `eu-isoe-west-1`: two letters, one or
/// more lowercase words, a number; each part separated by `-`.
pub fn is_region_code(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let Some((last, rest)) = parts.split_last() else {
        return false;
    };
    let Some((first, middle)) = rest.split_first() else {
        return false;
    };
    let lower = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase());
    s.len() <= 32
        && first.len() == 2
        && lower(first)
        && !middle.is_empty()
        && middle.iter().all(|p| lower(p))
        && (1..=2).contains(&last.len())
        && last.bytes().all(|b| b.is_ascii_digit())
}

/// Byte ranges of the account IDs in `b`: runs of exactly 12 ASCII digits (in ARNs,
/// lists, or text), calling `f` for each.
pub fn account_id_runs(b: &[u8], mut f: impl FnMut(std::ops::Range<usize>)) {
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 12 {
                f(start..i);
            }
        } else {
            i += 1;
        }
    }
}

/// Region and account of an aggregator ARN
/// (`arn:aws:config:us-east-1:123456789012:config-aggregator/…`).
pub fn arn_region_account(arn: &str) -> Option<(String, String)> {
    let c = ARN_REGION.as_ref()?.captures(arn)?;
    Some((
        c.get(1)?.as_str().to_string(),
        c.get(2)?.as_str().to_string(),
    ))
}

/// The aggregator a sources-status file belongs to, judged from its path: the
/// longest known name that is the file stem, a folder name, or a `-`/`_`/`.`
/// delimited part of the file stem.
pub fn aggregator_in_path<'a>(path: &Path, known: &'a [String]) -> Option<&'a str> {
    let stem = path.file_stem()?.to_string_lossy().to_string();
    let dirs: Vec<String> = path
        .parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    known
        .iter()
        .filter(|name| {
            !name.is_empty()
                && (stem == **name || dirs.iter().any(|d| d == *name) || delimited_in(&stem, name))
        })
        .max_by_key(|name| name.len())
        .map(|s| s.as_str())
}

fn delimited_in(hay: &str, needle: &str) -> bool {
    let is_delim = |c: Option<char>| matches!(c, None | Some('-' | '_' | '.'));
    hay.match_indices(needle).any(|(i, _)| {
        is_delim(hay[..i].chars().next_back()) && is_delim(hay[i + needle.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes() {
        for ok in [
            "us-east-1",
            "eu-central-2",
            "ap-southeast-5",
            "us-gov-west-1",
            "cn-northwest-1",
            "eu-isoe-west-1",
            "il-central-1",
        ] {
            assert!(is_region_code(ok), "{ok}");
        }
        for bad in [
            "",
            "us",
            "us-east",
            "US-EAST-1",
            "useast1",
            "us-east-1a",
            "us--east-1",
            "us-east-100",
            "../etc",
            "us-east-1 ",
            "u-east-1",
            "usa-east-1",
            "us-east-1;rm",
        ] {
            assert!(!is_region_code(bad), "{bad:?}");
        }
    }

    #[test]
    fn regions_in_paths() {
        assert_eq!(
            region_in_path(Path::new("x/11-describe-eu-west-1.json")).as_deref(),
            Some("eu-west-1")
        );
        assert_eq!(
            region_in_path(Path::new("snap/us-east-1/ap-southeast-2/a.json")).as_deref(),
            Some("ap-southeast-2")
        );
        assert_eq!(
            region_in_path(Path::new("snap/us-gov-west-1/a.json")).as_deref(),
            Some("us-gov-west-1")
        );
        assert_eq!(region_in_path(Path::new("plus-east-1x/a.json")), None);
        assert_eq!(region_in_path(Path::new("a.json")), None);
    }

    #[test]
    fn arn_parts() {
        assert_eq!(
            arn_region_account(
                "arn:aws:config:us-east-1:123456789012:config-aggregator/config-aggregator-x"
            ),
            Some(("us-east-1".into(), "123456789012".into()))
        );
        assert_eq!(arn_region_account("nope"), None);
    }

    #[test]
    fn aggregator_from_path() {
        let known = vec!["org".to_string(), "org-all-regions".to_string()];
        assert_eq!(
            aggregator_in_path(Path::new("s/sources-status-org-all-regions.json"), &known),
            Some("org-all-regions")
        );
        assert_eq!(
            aggregator_in_path(Path::new("org/status.json"), &known),
            Some("org")
        );
        assert_eq!(
            aggregator_in_path(Path::new("s/organic.json"), &known),
            None
        );
    }
}
