//! `tfchain benchmark`: the pallet, storage, overhead, block, extrinsic and machine benchmarks (only
//! with `--features runtime-benchmarks`). `scripts/bench/weights.sh` runs them to generate the
//! runtime's weights.

use crate::{cli::Cli, service, service::HostFunctions};
use codec::Encode;
use frame_benchmarking_cli::{
    BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
};
use sc_cli::SubstrateCli;
use sc_client_api::UsageProvider;
use sc_service::PartialComponents;
use sp_core::{Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, traits::HashingFor, OpaqueExtrinsic};
use std::sync::Arc;
use tfchain_runtime::{opaque::Block, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic};

/// Runs a benchmark subcommand.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
    let runner = cli.create_runner(cmd)?;
    match cmd {
        BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
            cmd.run_with_spec::<HashingFor<Block>, HostFunctions>(Some(config.chain_spec))
        }),
        BenchmarkCmd::Machine(cmd) => {
            runner.sync_run(|config| cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()))
        },
        BenchmarkCmd::Storage(cmd) => runner.sync_run(|config| {
            let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
            let db = backend.expose_db();
            let storage = backend.expose_storage();
            let shared_trie_cache = backend.expose_shared_trie_cache();
            cmd.run(config, client, db, storage, shared_trie_cache)
        }),
        BenchmarkCmd::Overhead(cmd) => runner.sync_run(|config| {
            cmd.run_with_extrinsic_builder_and_spec::<Block, ()>(
                Box::new(|_metadata, genesis_hash, version| {
                    Box::new(SignedCallBuilder::remark(
                        genesis_hash,
                        version.spec_version,
                        version.transaction_version,
                    )) as Box<_>
                }),
                Some(config.chain_spec),
            )
        }),
        BenchmarkCmd::Block(cmd) => runner.sync_run(|config| {
            let PartialComponents { client, .. } = service::new_partial(&config)?;
            cmd.run(client)
        }),
        BenchmarkCmd::Extrinsic(cmd) => runner.sync_run(|config| {
            let PartialComponents { client, .. } = service::new_partial(&config)?;
            let builders: Vec<Box<dyn ExtrinsicBuilder>> = vec![
                Box::new(SignedCallBuilder::remark_from_client(&client)),
                Box::new(SignedCallBuilder::transfer_from_client(&client)),
            ];
            cmd.run(
                client,
                inherent_benchmark_data()?,
                Vec::new(),
                &ExtrinsicFactory(builders),
            )
        }),
    }
}

/// Which call a [`SignedCallBuilder`] signs.
#[derive(Clone, Copy)]
enum BenchmarkCall {
    /// `System.remark` with an empty remark: the cheapest signed extrinsic.
    Remark,
    /// `Balances.transfer_keep_alive` of the existential deposit to Bob.
    TransferKeepAlive,
}

/// Builds extrinsics signed by Alice with the runtime's nine transaction extensions, immortal,
/// for the benchmark of the block and extrinsic base weights.
struct SignedCallBuilder {
    call: BenchmarkCall,
    genesis_hash: H256,
    spec_version: u32,
    transaction_version: u32,
}

impl SignedCallBuilder {
    fn remark(genesis_hash: H256, spec_version: u32, transaction_version: u32) -> Self {
        Self { call: BenchmarkCall::Remark, genesis_hash, spec_version, transaction_version }
    }

    fn from_client(client: &Arc<service::FullClient>, call: BenchmarkCall) -> Self {
        let genesis_hash = client.usage_info().chain.genesis_hash;
        let version = tfchain_runtime::VERSION;
        Self {
            call,
            genesis_hash,
            spec_version: version.spec_version,
            transaction_version: version.transaction_version,
        }
    }

    fn remark_from_client(client: &Arc<service::FullClient>) -> Self {
        Self::from_client(client, BenchmarkCall::Remark)
    }

    fn transfer_from_client(client: &Arc<service::FullClient>) -> Self {
        Self::from_client(client, BenchmarkCall::TransferKeepAlive)
    }

    fn runtime_call(&self) -> RuntimeCall {
        match self.call {
            BenchmarkCall::Remark => {
                RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() })
            },
            BenchmarkCall::TransferKeepAlive => {
                RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
                    dest: Sr25519Keyring::Bob.to_account_id().into(),
                    value: tfchain_runtime::EXISTENTIAL_DEPOSIT,
                })
            },
        }
    }
}

impl ExtrinsicBuilder for SignedCallBuilder {
    fn pallet(&self) -> &str {
        match self.call {
            BenchmarkCall::Remark => "system",
            BenchmarkCall::TransferKeepAlive => "balances",
        }
    }

    fn extrinsic(&self) -> &str {
        match self.call {
            BenchmarkCall::Remark => "remark",
            BenchmarkCall::TransferKeepAlive => "transfer_keep_alive",
        }
    }

    fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
        let signer = Sr25519Keyring::Alice.pair();
        let call = self.runtime_call();
        let extension: TxExtension = (
            frame_system::CheckNonZeroSender::new(),
            frame_system::CheckSpecVersion::new(),
            frame_system::CheckTxVersion::new(),
            frame_system::CheckGenesis::new(),
            frame_system::CheckEra::from(Era::Immortal),
            frame_system::CheckNonce::from(nonce),
            frame_system::CheckWeight::new(),
            pallet_transaction_payment::ChargeTransactionPayment::from(0),
            pallet_smart_contract::types::ContractIdProvides::new(),
        );
        let implicit = (
            (),
            self.spec_version,
            self.transaction_version,
            self.genesis_hash,
            self.genesis_hash,
            (),
            (),
            (),
            (),
        );
        let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
        let signature = payload.using_encoded(|bytes| signer.sign(bytes));
        let extrinsic = UncheckedExtrinsic::new_signed(
            call,
            Sr25519Keyring::Alice.to_account_id().into(),
            signature.into(),
            extension,
        );
        OpaqueExtrinsic::from_bytes(&extrinsic.encode()).map_err(|_| "encoded extrinsic decodes")
    }
}

/// The inherents of a benchmark block: the timestamp.
fn inherent_benchmark_data() -> sc_cli::Result<sp_inherents::InherentData> {
    let mut inherent_data = sp_inherents::InherentData::new();
    let timestamp = sp_timestamp::InherentDataProvider::new(sp_timestamp::Timestamp::current());
    futures::executor::block_on(sp_inherents::InherentDataProvider::provide_inherent_data(
        &timestamp,
        &mut inherent_data,
    ))
    .map_err(|e| format!("creating the inherent data: {e:?}"))?;
    Ok(inherent_data)
}
