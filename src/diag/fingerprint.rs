//! Stable fingerprints of findings.

/// The fingerprint of a finding: FNV-1a (64-bit) over the rule code, the
/// item id (or the file path for findings outside items), the field path
/// and the key, separated by NUL. Line numbers are deliberately not part
/// of it, so moving a field or re-ordering a file keeps the fingerprint.
///
/// FNV-1a is written out here rather than taken from `std`, whose hasher
/// is not guaranteed stable across Rust releases; fingerprints are stored
/// (SARIF baselines, PR comments) and must never change.
pub fn fingerprint(code: &str, subject: &str, field: &str, key: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in [code, subject, field, key] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_stable_and_sensitive_to_each_part() {
        // Pinned: a change of algorithm would break stored baselines.
        assert_eq!(
            fingerprint("W007", "T-003", "blocked", ""),
            fingerprint("W007", "T-003", "blocked", "")
        );
        assert_eq!(fingerprint("", "", "", ""), "4d25767f9dce13f5");
        let base = fingerprint("S004", "T-1", "depends_on", "T-9");
        assert_ne!(base, fingerprint("S004", "T-1", "depends_on", "T-8"));
        assert_ne!(base, fingerprint("S004", "T-2", "depends_on", "T-9"));
        assert_ne!(base, fingerprint("S004", "T-1", "parent", "T-9"));
        assert_ne!(base, fingerprint("S003", "T-1", "depends_on", "T-9"));
        // separators: moving a character between parts changes the hash
        assert_ne!(
            fingerprint("a", "bc", "", ""),
            fingerprint("ab", "c", "", "")
        );
    }
}
