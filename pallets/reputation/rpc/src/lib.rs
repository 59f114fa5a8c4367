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
    FarmReputation, NodeReputation, RankCursor, RankedNode, RankedPage,
    ReputationApi as ReputationRuntimeApi,
};
pub use pallet_reputation_runtime_api::{MAX_PAGE_SIZE, MAX_SCAN};
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
/// Error code: a page size of zero or above [`MAX_PAGE_SIZE`] (100).
pub const INVALID_PAGE_SIZE: i32 = 4;

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

/// Where a page of the ranking starts (just after this entry), in JSON: the `next` of the
/// previous page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RankCursorJson {
    /// The score of the last entry looked at.
    pub score_permill: u32,
    /// Its node.
    pub node_id: u32,
}

impl From<RankCursor> for RankCursorJson {
    fn from(c: RankCursor) -> Self {
        RankCursorJson {
            score_permill: c.score_permill,
            node_id: c.node_id,
        }
    }
}

impl From<RankCursorJson> for RankCursor {
    fn from(c: RankCursorJson) -> Self {
        RankCursor {
            score_permill: c.score_permill,
            node_id: c.node_id,
        }
    }
}

/// A page of the node ranking, in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedPageJson {
    /// The nodes, best score first, ties by node id.
    pub nodes: Vec<RankedNodeJson>,
    /// Pass it as `after` for the next page; `null` when the ranking ends here.
    pub next: Option<RankCursorJson>,
}

impl From<RankedPage> for RankedPageJson {
    fn from(p: RankedPage) -> Self {
        RankedPageJson {
            nodes: p.nodes.into_iter().map(Into::into).collect(),
            next: p.next.map(Into::into),
        }
    }
}

/// `Ok` for a page size in 1..=[`MAX_PAGE_SIZE`], else the [`INVALID_PAGE_SIZE`] error.
pub fn check_page_size(page_size: u32) -> Result<(), ErrorObjectOwned> {
    if page_size == 0 || page_size > MAX_PAGE_SIZE {
        return Err(error(
            INVALID_PAGE_SIZE,
            format!("page_size must be between 1 and {MAX_PAGE_SIZE}, got {page_size}"),
        ));
    }
    Ok(())
}

/// The `reputation_*` JSON-RPC methods. `farm` and `rankedNodes` read several records per call,
/// so they run on the blocking thread pool.
#[rpc(server, namespace = "reputation")]
pub trait ReputationApi<BlockHash> {
    /// The reputation of node `node_id`.
    #[method(name = "node")]
    fn node(&self, node_id: u32, at: Option<BlockHash>) -> RpcResult<NodeReputationJson>;

    /// The reputation of farm `farm_id`.
    #[method(name = "farm", blocking)]
    fn farm(&self, farm_id: u32, at: Option<BlockHash>) -> RpcResult<FarmReputationJson>;

    /// The page of at most `page_size` (1..=100) nodes just after `after` (from the best when
    /// `null`) scoring at least `min_score_permill` at their last observation with at least
    /// `min_free_capacity` free, best score first; `next` is the `after` of the following page.
    #[method(name = "rankedNodes", blocking)]
    fn ranked_nodes(
        &self,
        min_score_permill: u32,
        min_free_capacity: u64,
        after: Option<RankCursorJson>,
        page_size: u32,
        at: Option<BlockHash>,
    ) -> RpcResult<RankedPageJson>;
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
        after: Option<RankCursorJson>,
        page_size: u32,
        at: Option<Block::Hash>,
    ) -> RpcResult<RankedPageJson> {
        check_page_size(page_size)?;
        let at = at.unwrap_or_else(|| self.client.info().best_hash);
        let page = self
            .client
            .runtime_api()
            .ranked_nodes(
                at,
                min_score_permill,
                min_free_capacity,
                after.map(Into::into),
                page_size,
            )
            .map_err(runtime_error)?;
        Ok(page.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_are_checked_at_their_bounds() {
        assert_eq!(MAX_PAGE_SIZE, 100);
        assert!(check_page_size(1).is_ok());
        assert!(check_page_size(MAX_PAGE_SIZE).is_ok());
        for bad in [0, MAX_PAGE_SIZE + 1, u32::MAX] {
            let err = check_page_size(bad).unwrap_err();
            assert_eq!(err.code(), INVALID_PAGE_SIZE);
            assert!(
                err.message().contains("between 1 and 100"),
                "{}",
                err.message()
            );
        }
    }

    #[test]
    fn a_ranked_page_is_camel_case_json_with_a_cursor() {
        let page = RankedPage {
            nodes: vec![RankedNode {
                node_id: 2,
                farm_id: 1,
                score_permill: 905,
                free_capacity: 10,
            }],
            next: Some(RankCursor {
                score_permill: 905,
                node_id: 2,
            }),
        };
        let json = serde_json::to_value(RankedPageJson::from(page)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "nodes": [{ "nodeId": 2, "farmId": 1, "scorePermill": 905, "freeCapacity": 10 }],
                "next": { "scorePermill": 905, "nodeId": 2 }
            })
        );
        let last = RankedPageJson::from(RankedPage::default());
        assert_eq!(
            serde_json::to_value(last).unwrap(),
            serde_json::json!({ "nodes": [], "next": null })
        );
    }

    #[test]
    fn a_cursor_reads_back_from_json_and_rejects_unknown_fields() {
        let cursor: RankCursorJson =
            serde_json::from_str(r#"{ "scorePermill": 900, "nodeId": 7 }"#).unwrap();
        assert_eq!(
            RankCursor::from(cursor),
            RankCursor {
                score_permill: 900,
                node_id: 7
            }
        );
        assert!(serde_json::from_str::<RankCursorJson>(r#"{ "page": 1 }"#).is_err());
        assert!(serde_json::from_str::<Option<RankCursorJson>>("null")
            .unwrap()
            .is_none());
    }

    #[test]
    fn farm_capacity_is_a_decimal_string() {
        let farm = FarmReputationJson::from(FarmReputation {
            farm_id: 3,
            score_permill: 792,
            nodes: 2,
            capacity: u128::from(u64::MAX) + 1,
        });
        assert_eq!(
            serde_json::to_value(farm).unwrap(),
            serde_json::json!({ "farmId": 3, "scorePermill": 792, "nodes": 2,
                "capacity": "18446744073709551616" })
        );
    }
}
