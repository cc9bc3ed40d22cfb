//! Fuzzes a JSON report (`render`, `comment --report`) and a baseline
//! (`check --baseline`): reading, then every renderer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    baton::harness::report(data);
});
