//! The ranking of nodes (paged by cursor over the ranking index) and the farm query, each
//! checked against the full computation over every record.

use super::*;
use crate::{
    mock::set_free_capacity,
    pallet::NodeReputations,
    queries::{MAX_PAGE_SIZE, MAX_SCAN},
    types::{RankCursor, RankedNode, RankedPage},
};

fn ids(nodes: &[RankedNode]) -> Vec<u32> {
    nodes.iter().map(|n| n.node_id).collect()
}

/// Every page from the start, following `next`, with at most `limit` calls.
fn all_pages(min_score: u32, min_free: u64, page_size: u32) -> Vec<RankedPage> {
    let mut pages = Vec::new();
    let mut after = None;
    loop {
        let page = Reputation::ranked_nodes(min_score, min_free, after, page_size);
        after = page.next;
        pages.push(page);
        assert!(pages.len() <= 10_000, "the cursor makes progress");
        if after.is_none() {
            return pages;
        }
    }
}

/// The ranking by the full computation: every record, its stored score, the filters, sorted.
fn full_ranking(min_score: u32, min_free: u64) -> Vec<RankedNode> {
    let mut all: Vec<RankedNode> = NodeReputations::<Test>::iter()
        .filter(|(_, r)| r.score >= min_score)
        .filter_map(|(node_id, r)| {
            let free_capacity = <MockNodeStatus as crate::NodeStatus>::free_capacity(node_id)?;
            (free_capacity >= min_free).then_some(RankedNode {
                node_id,
                farm_id: r.farm_id,
                score_permill: r.score,
                free_capacity,
            })
        })
        .collect();
    all.sort_by(|a, b| {
        b.score_permill
            .cmp(&a.score_permill)
            .then(a.node_id.cmp(&b.node_id))
    });
    all
}

#[test]
fn nodes_are_ranked_by_score_then_id() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        add_node(3, 2, 10);
        report_in(1, (0..40).step_by(2));
        report_in(2, 0..40);
        report_in(3, 0..40);
        go_to(40);
        let page = Reputation::ranked_nodes(0, 0, None, 10);
        assert_eq!(ids(&page.nodes), vec![2, 3, 1]);
        assert_eq!(page.next, None, "the whole ranking fits in the page");
        assert_eq!(
            page.nodes[0],
            RankedNode {
                node_id: 2,
                farm_id: 1,
                score_permill: 905,
                free_capacity: 10
            }
        );
    });
}

#[test]
fn the_ranking_filters_on_score_and_free_capacity() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        add_node(3, 1, 10);
        set_free_capacity(3, 2);
        report_in(1, (0..40).step_by(2));
        report_in(2, 0..40);
        report_in(3, 0..40);
        go_to(40);
        let ranked = |min_score, min_free| {
            ids(&Reputation::ranked_nodes(min_score, min_free, None, 10).nodes)
        };
        assert_eq!(ranked(900, 0), vec![2, 3]);
        assert_eq!(ranked(900, 5), vec![2]);
        assert_eq!(ranked(906, 0), Vec::<u32>::new());
    });
}

#[test]
fn the_ranking_is_paged_by_cursor() {
    run(|| {
        for node_id in 1..=5 {
            add_node(node_id, 1, 10);
            report(node_id, 0);
        }
        let first = Reputation::ranked_nodes(0, 0, None, 2);
        assert_eq!(ids(&first.nodes), vec![1, 2]);
        assert_eq!(
            first.next,
            Some(RankCursor {
                score_permill: 900,
                node_id: 2
            })
        );
        let second = Reputation::ranked_nodes(0, 0, first.next, 2);
        assert_eq!(ids(&second.nodes), vec![3, 4]);
        let third = Reputation::ranked_nodes(0, 0, second.next, 2);
        assert_eq!(ids(&third.nodes), vec![5]);
        assert_eq!(third.next, None, "the last page has no next");
        // A page that ends exactly at the last node has no next either.
        let exact = Reputation::ranked_nodes(
            0,
            0,
            Some(RankCursor {
                score_permill: 900,
                node_id: 3,
            }),
            2,
        );
        assert_eq!(ids(&exact.nodes), vec![4, 5]);
        assert_eq!(exact.next, None);
        // A cursor past the end, or below the minimum score, gives an empty last page.
        let past = Reputation::ranked_nodes(
            0,
            0,
            Some(RankCursor {
                score_permill: 0,
                node_id: u32::MAX,
            }),
            2,
        );
        assert_eq!(past, RankedPage::default());
    });
}

#[test]
fn page_sizes_are_clamped_to_the_maximum_and_to_one() {
    run(|| {
        let nodes = MAX_PAGE_SIZE + 5;
        for node_id in 1..=nodes {
            add_node(node_id, 1, 10);
            report_at(node_id, secs(0), 0);
        }
        let page = Reputation::ranked_nodes(0, 0, None, u32::MAX);
        assert_eq!(page.nodes.len(), MAX_PAGE_SIZE as usize);
        assert_eq!(
            page.next,
            Some(RankCursor {
                score_permill: 900,
                node_id: MAX_PAGE_SIZE
            })
        );
        let at_max = Reputation::ranked_nodes(0, 0, None, MAX_PAGE_SIZE);
        assert_eq!(at_max, page, "MAX_PAGE_SIZE itself is allowed");
        let rest = Reputation::ranked_nodes(0, 0, page.next, MAX_PAGE_SIZE + 1);
        assert_eq!(
            ids(&rest.nodes),
            (MAX_PAGE_SIZE + 1..=nodes).collect::<Vec<_>>()
        );
        assert_eq!(rest.next, None);
        assert_eq!(
            Reputation::ranked_nodes(0, 0, None, 0).nodes.len(),
            1,
            "0 counts as 1"
        );
    });
}

#[test]
fn a_page_looks_at_no_more_than_max_scan_nodes() {
    run(|| {
        // MAX_SCAN + 1 nodes too full for the filter, then one that passes it.
        let nodes = MAX_SCAN + 2;
        for node_id in 1..=nodes {
            add_node(node_id, 1, 10);
            if node_id < nodes {
                set_free_capacity(node_id, 0);
            }
            report_at(node_id, secs(0), 0);
        }
        let first = Reputation::ranked_nodes(0, 1, None, MAX_PAGE_SIZE);
        assert!(
            first.nodes.is_empty(),
            "the first MAX_SCAN nodes are all full"
        );
        assert_eq!(
            first.next,
            Some(RankCursor {
                score_permill: 900,
                node_id: MAX_SCAN
            }),
            "the page stops after MAX_SCAN entries and says where to go on"
        );
        let second = Reputation::ranked_nodes(0, 1, first.next, MAX_PAGE_SIZE);
        assert_eq!(ids(&second.nodes), vec![nodes]);
        assert_eq!(second.next, None);
        assert_eq!(full_ranking(0, 1), second.nodes);
    });
}

#[test]
fn paging_through_the_ranking_gives_the_full_ranking() {
    run(|| {
        for node_id in 1..=40u32 {
            add_node(node_id, 1 + node_id % 3, 5 + u64::from(node_id % 7));
            set_free_capacity(node_id, u64::from(node_id % 5));
            if node_id % 4 == 0 {
                update_node_state(node_id, |s| s.certified = true);
            }
            let every = 1 + node_id % 4;
            report_in(node_id, (0..12).filter(|p| (p + node_id) % every == 0));
        }
        go_to(12);
        let scores: std::collections::BTreeSet<u32> = NodeReputations::<Test>::iter()
            .map(|(_, r)| r.score)
            .collect();
        assert!(
            scores.len() >= 4,
            "the nodes have various scores: {scores:?}"
        );
        for (min_score, min_free) in [(0, 0), (0, 3), (500, 0), (900, 1), (1001, 0)] {
            let full = full_ranking(min_score, min_free);
            for page_size in [1, 3, 7, MAX_PAGE_SIZE] {
                let pages = all_pages(min_score, min_free, page_size);
                assert!(pages.iter().all(|p| p.nodes.len() <= page_size as usize));
                let paged: Vec<RankedNode> = pages.into_iter().flat_map(|p| p.nodes).collect();
                assert_eq!(
                    paged, full,
                    "min score {min_score}, min free {min_free}, pages of {page_size}"
                );
            }
        }
    });
}

#[test]
fn a_rescored_node_moves_in_the_ranking() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        report_in(1, 0..3);
        report_in(2, 0..3);
        assert_eq!(
            ids(&Reputation::ranked_nodes(0, 0, None, 10).nodes),
            vec![1, 2]
        );
        // Node 1 falls silent; its next report, 10 periods later, rescores it lower.
        report_in(2, 3..13);
        report_at(1, secs(13), 0);
        let page = Reputation::ranked_nodes(0, 0, None, 10);
        assert_eq!(ids(&page.nodes), vec![2, 1]);
        assert!(page.nodes[0].score_permill > page.nodes[1].score_permill);
    });
}

#[test]
fn the_farm_score_is_the_full_computation_over_its_nodes() {
    run(|| {
        for node_id in 1..=12u32 {
            add_node(node_id, 1 + node_id % 3, 1 + u64::from(node_id));
            report_in(
                node_id,
                (0..8).filter(|p| (p + node_id) % (1 + node_id % 3) == 0),
            );
        }
        // Node 4 moves from farm 2 to farm 3 at its next report.
        set_farm(4, 3);
        report_at(4, secs(9), 0);
        go_to(10);
        for farm_id in 1..=4 {
            let mut nodes = 0u32;
            let mut capacity = 0u128;
            let mut weighted = 0u128;
            for (node_id, _) in NodeReputations::<Test>::iter() {
                let r = Reputation::node_reputation(node_id).unwrap();
                if r.farm_id == farm_id {
                    let cap = u128::from(NodeReputations::<Test>::get(node_id).unwrap().capacity);
                    nodes += 1;
                    capacity += cap;
                    weighted += u128::from(r.score_permill) * cap;
                }
            }
            let expected = (nodes > 0).then(|| crate::types::FarmReputation {
                farm_id,
                score_permill: (weighted / capacity) as u32,
                nodes,
                capacity,
            });
            assert_eq!(
                Reputation::farm_reputation(farm_id),
                expected,
                "farm {farm_id}"
            );
        }
        assert_eq!(Reputation::farm_reputation(3).unwrap().nodes, 5);
    });
}

#[test]
fn rank_keys_order_best_score_first_then_node_id() {
    use crate::types::{rank_key, rank_of};
    let mut keys = vec![
        rank_key(0, 1),
        rank_key(1000, 9),
        rank_key(900, 2),
        rank_key(900, 1),
        rank_key(1000, u32::MAX),
        rank_key(5000, 3),
    ];
    keys.sort();
    let ranks: Vec<(u32, u32)> = keys.iter().map(rank_of).collect();
    assert_eq!(
        ranks,
        vec![
            (1000, 3),
            (1000, 9),
            (1000, u32::MAX),
            (900, 1),
            (900, 2),
            (0, 1)
        ],
        "byte order is the ranking order; a score above 1000 counts as 1000"
    );
}
