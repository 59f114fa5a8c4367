//! `tfchain block-weights`: re-executes blocks of the chain, as a node importing them does
//! (`Core_execute_block` on the parent's state), and prints for each one the time it took next to
//! the weight it declares (`System::BlockWeight`, all classes). The end-to-end weight check
//! (`tests/e2e/block-weights.test.js`) runs it on the blocks its floods filled: the declared weight
//! must cover what importing the block costs.

use crate::service::FullClient;
use codec::DecodeAll;
use sc_cli::{CliConfiguration, ImportParams, SharedParams};
use sc_client_api::{BlockBackend, StorageProvider};
use sp_api::{Core, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;
use sp_io::hashing::twox_128;
use sp_runtime::{
    generic::DigestItem,
    traits::{Block as BlockT, Header as HeaderT},
};
use std::time::Instant;
use tfchain_runtime::opaque::Block;

/// Re-execute blocks `from..=to` of the chain and compare each one's execution time with its
/// declared weight. Prints one JSON object per block:
/// `{"block":n,"extrinsics":x,"declared_ns":d,"median_ns":m,"min_ns":a,"max_ns":b}`.
#[derive(Debug, clap::Parser)]
pub struct BlockWeightsCmd {
    /// The first block to re-execute.
    #[arg(long)]
    pub from: u32,

    /// The last block to re-execute.
    #[arg(long)]
    pub to: u32,

    /// How many times each block is executed; the median is its figure.
    #[arg(long, default_value_t = 5)]
    pub repeat: u32,

    #[allow(missing_docs)]
    #[clap(flatten)]
    pub shared_params: SharedParams,

    #[allow(missing_docs)]
    #[clap(flatten)]
    pub import_params: ImportParams,
}

impl CliConfiguration for BlockWeightsCmd {
    fn shared_params(&self) -> &SharedParams {
        &self.shared_params
    }

    fn import_params(&self) -> Option<&ImportParams> {
        Some(&self.import_params)
    }
}

impl BlockWeightsCmd {
    /// Re-executes the blocks on `client`'s database and prints their figures.
    pub fn run(&self, client: &FullClient) -> sc_cli::Result<()> {
        if self.from == 0 || self.from > self.to {
            return Err(format!("--from must be at least 1 and at most --to ({})", self.to).into());
        }
        if self.repeat == 0 {
            return Err("--repeat must be at least 1".into());
        }
        let best = client.info().best_number;
        if self.to > best {
            return Err(format!("block {} is past the best block {best}", self.to).into());
        }
        // `System::BlockWeight`: twox128("System") ++ twox128("BlockWeight").
        let weight_key = StorageKey([twox_128(b"System"), twox_128(b"BlockWeight")].concat());
        for number in self.from..=self.to {
            let hash = client
                .hash(number)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no block {number} in the database"))?;
            let declared_ns = declared_ns(client, hash, &weight_key)?;
            let signed = client
                .block(hash)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no body for block {number}"))?;
            let (mut header, extrinsics) = signed.block.deconstruct();
            // The seal is added after execution; the runtime executes the block without it.
            header
                .digest_mut()
                .logs
                .retain(|item| !matches!(item, DigestItem::Seal(..)));
            let parent = *header.parent_hash();
            let block = Block::new(header, extrinsics);
            let mut times = Vec::with_capacity(self.repeat as usize);
            for _ in 0..self.repeat {
                let input = block.clone();
                let start = Instant::now();
                client
                    .runtime_api()
                    .execute_block(parent, input.into())
                    .map_err(|e| format!("executing block {number}: {e}"))?;
                times.push(start.elapsed().as_nanos());
            }
            times.sort_unstable();
            println!(
                "{{\"block\":{number},\"extrinsics\":{},\"declared_ns\":{declared_ns},\"median_ns\":{},\"min_ns\":{},\"max_ns\":{}}}",
                block.extrinsics().len(),
                times[times.len() / 2],
                times[0],
                times[times.len() - 1],
            );
        }
        Ok(())
    }
}

/// The ref time block `hash` declares, all dispatch classes, in nanoseconds (`weight_key`: the
/// storage key of `System::BlockWeight`).
fn declared_ns(
    client: &FullClient,
    hash: <Block as BlockT>::Hash,
    weight_key: &StorageKey,
) -> sc_cli::Result<u64> {
    let raw = client
        .storage(hash, weight_key)
        .map_err(|e| e.to_string())?
        .ok_or("System::BlockWeight is not in the block's state")?;
    let consumed = frame_system::ConsumedWeight::decode_all(&mut &raw.0[..])
        .map_err(|e| format!("System::BlockWeight does not decode: {e}"))?;
    Ok(consumed.total().ref_time() / 1_000)
}
