// The messages are compiled in: rebuild when a locale file changes.
fn main() {
    println!("cargo:rerun-if-changed=../locales");
    for lang in ["fi", "sv", "en"] {
        println!("cargo:rerun-if-changed=../locales/{lang}/main.ftl");
    }
}
