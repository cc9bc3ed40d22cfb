//! Fuzzes `changes/CR-fuzz.toml` through load → check → every renderer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    baton_fuzz::run("changes/CR-fuzz.toml", data);
});
