//! `sync_state_genSyncSpec`: the running chain's spec with a checkpoint a light client can start
//! from (as `subxt chain-spec` and smoldot expect).
//!
//! polkadot-sdk's `sc-sync-state-rpc` serves this method for BABE chains only (its checkpoint
//! holds BABE's epoch changes). tfchain authors with Aura, so the checkpoint here is what an
//! Aura + GRANDPA light client needs: the finalized header and GRANDPA's authority set, each
//! SCALE-encoded and hex-prefixed, under the spec's `lightSyncState` key.

use codec::Encode;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use sc_consensus_grandpa::SharedAuthoritySet;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, NumberFor};
use std::sync::Arc;

/// JSON-RPC error code of a failed `sync_state_genSyncSpec` (the one `sc-sync-state-rpc` uses).
const GEN_SYNC_SPEC_FAILED: i32 = 1;

/// The `sync_state_*` JSON-RPC methods.
#[rpc(server)]
pub trait SyncStateApi {
    /// The chain spec this node runs, as JSON (with the genesis storage when `raw`), with a
    /// `lightSyncState` checkpoint at the latest finalized block.
    #[method(name = "sync_state_genSyncSpec")]
    fn gen_sync_spec(&self, raw: bool) -> RpcResult<serde_json::Value>;
}

/// Serves [`SyncStateApiServer`] from the node's chain spec, client and GRANDPA authority set.
pub struct SyncState<Block: BlockT, Client> {
    chain_spec: Box<dyn sc_chain_spec::ChainSpec>,
    client: Arc<Client>,
    shared_authority_set: SharedAuthoritySet<Block::Hash, NumberFor<Block>>,
}

impl<Block: BlockT, Client> SyncState<Block, Client> {
    /// The methods for the chain `chain_spec` as `client` follows it.
    pub fn new(
        chain_spec: Box<dyn sc_chain_spec::ChainSpec>,
        client: Arc<Client>,
        shared_authority_set: SharedAuthoritySet<Block::Hash, NumberFor<Block>>,
    ) -> Self {
        Self { chain_spec, client, shared_authority_set }
    }
}

fn failure(message: impl ToString) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(GEN_SYNC_SPEC_FAILED, message.to_string(), None::<()>)
}

fn hex_encoded(value: &impl Encode) -> serde_json::Value {
    serde_json::Value::String(sp_core::bytes::to_hex(&value.encode(), false))
}

impl<Block, Client> SyncStateApiServer for SyncState<Block, Client>
where
    Block: BlockT,
    Client: HeaderBackend<Block> + Send + Sync + 'static,
{
    fn gen_sync_spec(&self, raw: bool) -> RpcResult<serde_json::Value> {
        let finalized_hash = self.client.info().finalized_hash;
        let finalized_header = self
            .client
            .header(finalized_hash)
            .map_err(failure)?
            .ok_or_else(|| failure(format!("the finalized header {finalized_hash} is missing")))?;
        let authority_set = self.shared_authority_set.clone_inner();

        let spec_json = self.chain_spec.as_json(raw).map_err(failure)?;
        let mut spec: serde_json::Value = serde_json::from_str(&spec_json).map_err(failure)?;
        let checkpoint = serde_json::json!({
            "finalizedBlockHeader": hex_encoded(&finalized_header),
            "grandpaAuthoritySet": hex_encoded(&authority_set),
        });
        spec.as_object_mut()
            .ok_or_else(|| failure("the chain spec is not a JSON object"))?
            .insert("lightSyncState".into(), checkpoint);
        Ok(spec)
    }
}
