// The bundled protocols and strings are embedded with include_dir!, which cargo cannot see
// through: rebuild whenever anything below these directories changes.
fn main() {
    println!("cargo:rerun-if-changed=../../screening_protocols");
    println!("cargo:rerun-if-changed=../../locales");
}
