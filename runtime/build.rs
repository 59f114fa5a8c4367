//! Builds the runtime's wasm blob, embedded in the native build as `WASM_BINARY`.

fn main() {
    #[cfg(feature = "std")]
    substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
