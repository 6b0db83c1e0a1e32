fn main() {
    #[cfg(target_arch = "wasm32")]
    claimcheck::view::start();
}
