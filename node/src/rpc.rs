//! The node's own JSON-RPC methods, on top of the standard set that `sc_service` provides:
//! `system_accountNextIndex`, `system_dryRun` (unsafe), `payment_*` and `reputation_*`
//! (see `docs/rpc.md`).

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;
use tfchain_runtime::{opaque::Block, AccountId, Balance, Nonce};

/// What the RPC methods need.
pub struct FullDeps<C, P> {
    /// The client, to read state and call runtime APIs.
    pub client: Arc<C>,
    /// The transaction pool, for nonces that count pending transactions.
    pub pool: Arc<P>,
}

/// Builds the RPC methods of a full node.
pub fn create_full<C, P>(
    deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + Send
        + Sync
        + 'static,
    C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
    C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
    C::Api: pallet_reputation_runtime_api::ReputationApi<Block>,
    C::Api: BlockBuilder<Block>,
    P: TransactionPool + 'static,
{
    use pallet_reputation_rpc::{Reputation, ReputationApiServer};
    use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
    use substrate_frame_rpc_system::{System, SystemApiServer};

    let mut module = RpcModule::new(());
    let FullDeps { client, pool } = deps;

    module.merge(System::new(client.clone(), pool).into_rpc())?;
    module.merge(Reputation::new(client.clone()).into_rpc())?;
    module.merge(TransactionPayment::new(client).into_rpc())?;

    Ok(module)
}
