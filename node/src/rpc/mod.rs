//! The node's own JSON-RPC methods, on top of the standard set that `sc_service` provides:
//! `system_accountNextIndex`, `system_dryRun` (unsafe), `payment_*`, `reputation_*`,
//! `grandpa_*` and `sync_state_genSyncSpec` (see `docs/rpc.md`).

mod sync_state;

use jsonrpsee::RpcModule;
use sc_consensus_grandpa::{
    FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_runtime::traits::{Block as BlockT, NumberFor};
use std::sync::Arc;
use tfchain_runtime::{opaque::Block, AccountId, Balance, Nonce};

/// What the `grandpa_*` methods read: the voter's rounds, its authority set, its justifications.
pub struct GrandpaDeps<Backend> {
    /// The voter's current rounds, for `grandpa_roundState`.
    pub shared_voter_state: SharedVoterState,
    /// The authority set, for `grandpa_roundState` and `sync_state_genSyncSpec`.
    pub shared_authority_set: SharedAuthoritySet<<Block as BlockT>::Hash, NumberFor<Block>>,
    /// Justifications as the voter finalizes, for `grandpa_subscribeJustifications`.
    pub justification_stream: GrandpaJustificationStream<Block>,
    /// Runs the subscriptions' tasks.
    pub subscription_executor: SubscriptionTaskExecutor,
    /// Builds the proofs `grandpa_proveFinality` returns.
    pub finality_provider: Arc<FinalityProofProvider<Backend, Block>>,
}

/// What the RPC methods need.
pub struct FullDeps<C, P, Backend> {
    /// The client, to read state and call runtime APIs.
    pub client: Arc<C>,
    /// The transaction pool, for nonces that count pending transactions.
    pub pool: Arc<P>,
    /// The chain spec the node runs, for `sync_state_genSyncSpec`.
    pub chain_spec: Box<dyn sc_chain_spec::ChainSpec>,
    /// GRANDPA's state, for `grandpa_*`.
    pub grandpa: GrandpaDeps<Backend>,
}

/// Builds the RPC methods of a full node.
pub fn create_full<C, P, Backend>(
    deps: FullDeps<C, P, Backend>,
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
    Backend: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
    use pallet_reputation_rpc::{Reputation, ReputationApiServer};
    use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
    use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
    use substrate_frame_rpc_system::{System, SystemApiServer};
    use sync_state::{SyncState, SyncStateApiServer};

    let mut module = RpcModule::new(());
    let FullDeps { client, pool, chain_spec, grandpa } = deps;
    let GrandpaDeps {
        shared_voter_state,
        shared_authority_set,
        justification_stream,
        subscription_executor,
        finality_provider,
    } = grandpa;

    module.merge(System::new(client.clone(), pool).into_rpc())?;
    module.merge(Reputation::new(client.clone()).into_rpc())?;
    module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
    module.merge(
        SyncState::<Block, _>::new(chain_spec, client, shared_authority_set.clone()).into_rpc(),
    )?;
    module.merge(
        Grandpa::new(
            subscription_executor,
            shared_authority_set,
            shared_voter_state,
            justification_stream,
            finality_provider,
        )
        .into_rpc(),
    )?;

    Ok(module)
}
