//! "Did you mean" suggestions for misspelt names.

/// The candidate most similar to `name`, if any is similar enough.
///
/// Uses the Jaro similarity with the threshold clap uses (0.7), and also
/// accepts a candidate that differs only in case or `-`/`_`.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let normalized = normalize(name);
    let length = name.chars().count();
    let mut best: Option<(f64, &'a str)> = None;
    // Called with every task id for each unknown reference: no allocation
    // per candidate, and the edit distance only where it can change a score.
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let score = if candidate.chars().map(normalize_char).eq(normalized.chars()) {
            1.0
        } else {
            let jaro = strsim::jaro(name, candidate);
            if jaro < 0.8
                && length.abs_diff(candidate.chars().count()) <= 1
                && one_slip(name, candidate)
            {
                // Jaro finds no match window in names of three or four
                // letters, so `rdn` would not suggest `rnd`.
                0.8
            } else {
                jaro
            }
        };
        if score > 0.7 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// One typing slip apart (a letter swapped with its neighbour, missing,
/// extra or wrong) between names of at least three characters.
fn one_slip(name: &str, candidate: &str) -> bool {
    name.chars().count() >= 3
        && candidate.chars().count() >= 3
        && strsim::osa_distance(name, candidate) == 1
}

fn normalize(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

fn normalize_char(c: char) -> char {
    if c == '-' {
        '_'
    } else {
        c.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["title", "owner", "due", "depends_on"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        let departments = ["gmo", "mkt", "rnd", "ops", "fin"];
        assert_eq!(did_you_mean("rdn", departments), Some("rnd"));
        assert_eq!(did_you_mean("opx", departments), Some("ops"));
        assert_eq!(did_you_mean("hr", departments), None);
        assert_eq!(did_you_mean("xyz", departments), None);
        assert_eq!(did_you_mean("depends-on", fields), Some("depends_on"));
        assert_eq!(did_you_mean("dependencies", fields), Some("depends_on"));
        assert_eq!(did_you_mean("colour", fields), None);
        assert_eq!(did_you_mean("xyz", fields), None);
        assert_eq!(
            did_you_mean("li.gng", ["li.gong", "wang.wu"]),
            Some("li.gong")
        );
    }

    /// The definition, one allocation and one edit distance per candidate.
    fn did_you_mean_by_definition<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let mut best: Option<(f64, &'a str)> = None;
        for candidate in candidates {
            if *candidate == name {
                continue;
            }
            let score = if normalize(candidate) == normalize(name) {
                1.0
            } else if one_slip(name, candidate) {
                0.8_f64.max(strsim::jaro(name, candidate))
            } else {
                strsim::jaro(name, candidate)
            };
            if score > 0.7 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, *candidate));
            }
        }
        best.map(|(_, c)| c)
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_suggests_what_the_definition_does(
            name in "[a-dA-D_.-]{0,6}",
            candidates in proptest::collection::vec("[a-dA-D_.-]{0,6}", 0..12),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                did_you_mean(&name, candidates.iter().copied()),
                did_you_mean_by_definition(&name, &candidates)
            );
        }
    }
}
