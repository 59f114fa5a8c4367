//! JSON-RPC methods of the reputation pallet: `reputation_node`, `reputation_farm` and
//! `reputation_rankedNodes` (documented in `docs/rpc.md`), answered through the runtime's
//! `ReputationApi` at the best block (or the block hash given).

#![warn(missing_docs)]

use jsonrpsee::{
    core::RpcResult,
    proc_macros::rpc,
    types::{ErrorObject, ErrorObjectOwned},
};
use pallet_reputation_runtime_api::{
    FarmReputation, NodeReputation, RankedNode, ReputationApi as ReputationRuntimeApi,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::sync::Arc;

/// Error code: the runtime API call failed.
pub const RUNTIME_ERROR: i32 = 1;
/// Error code: the node has no reputation (unknown id, or it never reported uptime).
pub const UNKNOWN_NODE: i32 = 2;
/// Error code: the farm has no reputation (unknown id, or none of its nodes reported).
pub const UNKNOWN_FARM: i32 = 3;
/// Error code: a page size of zero or above [`MAX_PAGE_SIZE`].
pub const INVALID_PAGE_SIZE: i32 = 4;
/// Largest page of `reputation_rankedNodes`.
pub const MAX_PAGE_SIZE: u32 = 100;

/// A node's reputation with its components, in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeReputationJson {
    /// The node.
    pub node_id: u32,
    /// Its farm.
    pub farm_id: u32,
    /// The score, in permill.
    pub score_permill: u32,
    /// Availability over the last 30 closed periods, in permill.
    pub availability30_permill: u32,
    /// Availability over all closed periods, in permill.
    pub availability_all_permill: u32,
    /// Unavailable periods with active contracts in the last 30.
    pub sla_misses30: u32,
    /// Unavailable periods with active contracts since the first report.
    pub sla_misses_all: u32,
    /// Periods since the first report.
    pub age_periods: u32,
    /// Whether the node is certified.
    pub certified: bool,
    /// Periods of the last 30 that counted (not on standby).
    pub counted30: u32,
}

impl From<NodeReputation> for NodeReputationJson {
    fn from(r: NodeReputation) -> Self {
        NodeReputationJson {
            node_id: r.node_id,
            farm_id: r.farm_id,
            score_permill: r.score_permill,
            availability30_permill: r.availability_30_permill,
            availability_all_permill: r.availability_all_permill,
            sla_misses30: r.sla_misses_30,
            sla_misses_all: r.sla_misses_all,
            age_periods: r.age_periods,
            certified: r.certified,
            counted30: r.counted_30,
        }
    }
}

/// A farm's reputation, in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FarmReputationJson {
    /// The farm.
    pub farm_id: u32,
    /// Capacity-weighted mean of its nodes' scores, in permill.
    pub score_permill: u32,
    /// Number of its nodes with a reputation.
    pub nodes: u32,
    /// Their total capacity, as a decimal string (it may exceed 2^53).
    pub capacity: String,
}

impl From<FarmReputation> for FarmReputationJson {
    fn from(f: FarmReputation) -> Self {
        FarmReputationJson {
            farm_id: f.farm_id,
            score_permill: f.score_permill,
            nodes: f.nodes,
            capacity: f.capacity.to_string(),
        }
    }
}

/// One entry of the node ranking, in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedNodeJson {
    /// The node.
    pub node_id: u32,
    /// Its farm.
    pub farm_id: u32,
    /// Its score, in permill.
    pub score_permill: u32,
    /// Its free capacity.
    pub free_capacity: u64,
}

impl From<RankedNode> for RankedNodeJson {
    fn from(n: RankedNode) -> Self {
        RankedNodeJson {
            node_id: n.node_id,
            farm_id: n.farm_id,
            score_permill: n.score_permill,
            free_capacity: n.free_capacity,
        }
    }
}

/// The `reputation_*` JSON-RPC methods.
#[rpc(server, namespace = "reputation")]
pub trait ReputationApi<BlockHash> {
    /// The reputation of node `node_id`.
    #[method(name = "node")]
    fn node(&self, node_id: u32, at: Option<BlockHash>) -> RpcResult<NodeReputationJson>;

    /// The reputation of farm `farm_id`.
    #[method(name = "farm")]
    fn farm(&self, farm_id: u32, at: Option<BlockHash>) -> RpcResult<FarmReputationJson>;

    /// Page `page` (from 0) of `page_size` (1..=100) nodes scoring at least `min_score_permill`
    /// with at least `min_free_capacity` free, best score first.
    #[method(name = "rankedNodes")]
    fn ranked_nodes(
        &self,
        min_score_permill: u32,
        min_free_capacity: u64,
        page: u32,
        page_size: u32,
        at: Option<BlockHash>,
    ) -> RpcResult<Vec<RankedNodeJson>>;
}

/// Answers the `reputation_*` methods with a client's runtime API.
pub struct Reputation<C, Block> {
    client: Arc<C>,
    _block: std::marker::PhantomData<Block>,
}

impl<C, Block> Reputation<C, Block> {
    /// The methods over `client`.
    pub fn new(client: Arc<C>) -> Self {
        Reputation {
            client,
            _block: Default::default(),
        }
    }
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
    ErrorObject::owned(code, message.into(), None::<()>)
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
    error(RUNTIME_ERROR, format!("runtime API call failed: {e:?}"))
}

impl<C, Block> ReputationApiServer<<Block as BlockT>::Hash> for Reputation<C, Block>
where
    Block: BlockT,
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: ReputationRuntimeApi<Block>,
{
    fn node(&self, node_id: u32, at: Option<Block::Hash>) -> RpcResult<NodeReputationJson> {
        let at = at.unwrap_or_else(|| self.client.info().best_hash);
        self.client
            .runtime_api()
            .node_reputation(at, node_id)
            .map_err(runtime_error)?
            .map(Into::into)
            .ok_or_else(|| {
                error(
                    UNKNOWN_NODE,
                    format!("node {node_id} has no reputation: unknown node, or it never reported uptime"),
                )
            })
    }

    fn farm(&self, farm_id: u32, at: Option<Block::Hash>) -> RpcResult<FarmReputationJson> {
        let at = at.unwrap_or_else(|| self.client.info().best_hash);
        self.client
            .runtime_api()
            .farm_reputation(at, farm_id)
            .map_err(runtime_error)?
            .map(Into::into)
            .ok_or_else(|| {
                error(
                    UNKNOWN_FARM,
                    format!("farm {farm_id} has no reputation: unknown farm, or none of its nodes reported uptime"),
                )
            })
    }

    fn ranked_nodes(
        &self,
        min_score_permill: u32,
        min_free_capacity: u64,
        page: u32,
        page_size: u32,
        at: Option<Block::Hash>,
    ) -> RpcResult<Vec<RankedNodeJson>> {
        if page_size == 0 || page_size > MAX_PAGE_SIZE {
            return Err(error(
                INVALID_PAGE_SIZE,
                format!("page_size must be between 1 and {MAX_PAGE_SIZE}, got {page_size}"),
            ));
        }
        let at = at.unwrap_or_else(|| self.client.info().best_hash);
        let ranked = self
            .client
            .runtime_api()
            .ranked_nodes(at, min_score_permill, min_free_capacity, page, page_size)
            .map_err(runtime_error)?;
        Ok(ranked.into_iter().map(Into::into).collect())
    }
}
