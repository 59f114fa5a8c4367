//! Threshold events.

use super::*;
use crate::{mock::update_node_state, pallet::Event};

fn events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Reputation(event) => Some(event),
            _ => None,
        })
        .collect()
}

#[test]
fn a_node_falling_below_the_threshold_and_recovering_raises_events() {
    run(|| {
        add_node(1, 1, 10);
        update_node_state(1, |state| state.certified = true);
        report_in(1, 0..40);
        assert!(events().is_empty());
        report(1, 42);
        // (700·933 + 200·952 + 50·116 + 50·1000) / 1000
        assert_eq!(
            events(),
            vec![Event::NodeScoreBelowThreshold {
                node_id: 1,
                score_permill: 899
            }]
        );
        report(1, 43);
        assert_eq!(events().len(), 1);
        // (700·933 + 200·954 + 50·122 + 50·1000) / 1000: the all-time availability and age
        // make up for the two misses still in the window.
        report(1, 44);
        assert_eq!(
            events().last(),
            Some(&Event::NodeScoreRecovered {
                node_id: 1,
                score_permill: 900
            })
        );
        assert_eq!(events().len(), 2);
    });
}

#[test]
fn a_new_node_raises_no_event() {
    run(|| {
        add_node(1, 1, 10);
        report(1, 0);
        assert!(events().is_empty());
    });
}
