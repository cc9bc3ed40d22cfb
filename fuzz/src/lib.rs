//! The fuzz targets share baton's own pipeline harness.

/// Runs baton's whole pipeline on `data` as the file at `path`.
pub fn run(path: &str, data: &[u8]) {
    baton::harness::pipeline(path, data);
}
