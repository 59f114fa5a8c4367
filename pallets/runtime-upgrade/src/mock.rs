//! Test runtime: frame_system and this pallet, with a single "council" account allowed to set
//! the code, and a fake runtime-version reader standing in for the wasm executor.

use crate as pallet_runtime_upgrade;
use codec::Encode;
use frame_support::{derive_impl, ord_parameter_types};
use frame_system::EnsureSignedBy;
use sp_core::traits::{Externalities, ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_runtime::BuildStorage;
use std::borrow::Cow;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        RuntimeUpgrade: pallet_runtime_upgrade,
    }
);

ord_parameter_types! {
    /// The only account allowed to set the code, standing in for the council.
    pub const Council: u64 = 42;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

impl pallet_runtime_upgrade::Config for Test {
    type SetCodeOrigin = EnsureSignedBy<Council, u64>;
    type WeightInfo = ();
}

/// Prefix of the code blobs from which [`FakeVersionReader`] can read a version.
pub const FAKE_WASM_PREFIX: &[u8] = b"\0asm";

/// Reads the runtime version of code blobs without executing them: blobs starting with
/// [`FAKE_WASM_PREFIX`] report the configured version; other blobs are unreadable.
pub struct FakeVersionReader(Vec<u8>);

impl ReadRuntimeVersion for FakeVersionReader {
    fn read_runtime_version(
        &self,
        wasm_code: &[u8],
        _ext: &mut dyn Externalities,
    ) -> Result<Vec<u8>, String> {
        if wasm_code.starts_with(FAKE_WASM_PREFIX) {
            Ok(self.0.clone())
        } else {
            Err("not a runtime".into())
        }
    }
}

/// Externalities at block 1 in which readable code blobs report the mock runtime's current
/// version, with `spec_name` and `spec_version` replaced.
pub fn new_test_ext(spec_name: Cow<'static, str>, spec_version: u32) -> sp_io::TestExternalities {
    let mut version = System::runtime_version();
    version.spec_name = spec_name;
    version.spec_version = spec_version;
    let storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.register_extension(ReadRuntimeVersionExt::new(FakeVersionReader(
        version.encode(),
    )));
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Externalities in which readable code blobs are a valid upgrade: same spec name, next spec
/// version.
pub fn upgradable_ext() -> sp_io::TestExternalities {
    let current = System::runtime_version();
    new_test_ext(current.spec_name, current.spec_version.saturating_add(1))
}
