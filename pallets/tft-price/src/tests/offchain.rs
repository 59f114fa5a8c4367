//! The offchain worker: it fetches the price from a mocked Horizon answer and submits a signed
//! `set_prices`, when it is due and its validator's turn.

use super::*;
use crate::{horizon::PRICE_URL, Call, Error, LastBlockSet, TftPrice};
use codec::Decode;
use frame_support::traits::{Hooks, UnfilteredDispatchable};
use sp_core::offchain::testing::PendingRequest;
use sp_runtime::{generic::Preamble, traits::Verify, DispatchError};

/// Answer the offchain worker's price request with `body`.
fn expect_price_request(env: &OffchainTestExt, body: &str) {
    env.offchain.write().expect_request(PendingRequest {
        method: "GET".into(),
        uri: PRICE_URL.into(),
        sent: true,
        response: Some(body.as_bytes().to_vec()),
        ..Default::default()
    });
}

/// The transactions the offchain worker submitted.
fn submitted(env: &OffchainTestExt) -> Vec<Extrinsic> {
    env.pool
        .read()
        .transactions
        .iter()
        .map(|tx| Extrinsic::decode(&mut &tx[..]).expect("a test extrinsic"))
        .collect()
}

/// The signer of a submitted transaction, after checking its signature over `(call, nonce)`.
fn verified_signer(xt: &Extrinsic, nonce: u32) -> sp_runtime::AccountId32 {
    match &xt.preamble {
        Preamble::Signed(signer, signature, ()) => {
            let payload = signed_payload(&xt.function, nonce);
            assert!(signature.verify(&payload[..], signer), "valid signature");
            signer.clone()
        }
        _ => panic!("a signed transaction"),
    }
}

/// An offchain-worker failure, comparable with the results of the offchain functions.
fn failure(error: Error<Test>) -> Result<u32, DispatchError> {
    Err(error.into())
}

/// Run the offchain worker after block `block` in `env`, then check the invariants.
fn run_offchain_worker(env: &mut OffchainTestExt, block: u64) {
    env.ext.execute_with(|| {
        System::set_block_number(block);
        TftPriceModule::offchain_worker(block);
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

#[test]
fn the_validator_reports_the_fetched_price_in_a_signed_set_prices() {
    let mut env = offchain_test_ext(&[ALICE]);
    expect_price_request(&env, SAMPLE_RESPONSE);
    run_offchain_worker(&mut env, 20);

    let txs = submitted(&env);
    assert_eq!(txs.len(), 1);
    assert_eq!(
        txs[0].function,
        RuntimeCall::TftPriceModule(Call::set_prices {
            price: 33,
            block_number: 20
        })
    );
    assert_eq!(verified_signer(&txs[0], 0), alice());

    env.ext.execute_with(|| {
        let call = txs[0].function.clone();
        assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(alice())));
        assert_eq!(TftPrice::<Test>::get(), 33);
        assert_eq!(LastBlockSet::<Test>::get(), 20);
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

#[test]
fn the_report_is_signed_with_the_validators_current_nonce() {
    let mut env = offchain_test_ext(&[ALICE]);
    expect_price_request(&env, SAMPLE_RESPONSE);
    env.ext.execute_with(|| {
        for _ in 0..3 {
            System::inc_account_nonce(alice());
        }
    });
    run_offchain_worker(&mut env, 20);
    let txs = submitted(&env);
    assert_eq!(verified_signer(&txs[0], 3), alice());
}

#[test]
fn no_report_within_ten_blocks_of_the_last_one() {
    let mut env = offchain_test_ext(&[ALICE]);
    env.ext.execute_with(|| LastBlockSet::<Test>::put(15));
    run_offchain_worker(&mut env, 24);
    assert!(submitted(&env).is_empty());

    expect_price_request(&env, SAMPLE_RESPONSE);
    run_offchain_worker(&mut env, 25);
    assert_eq!(submitted(&env).len(), 1);
}

#[test]
fn a_last_report_for_a_later_block_does_not_hold_reports_back() {
    let mut env = offchain_test_ext(&[ALICE]);
    expect_price_request(&env, SAMPLE_RESPONSE);
    env.ext.execute_with(|| {
        // Not reachable through set_prices; a state a migration could leave.
        LastBlockSet::<Test>::put(1_000);
        System::set_block_number(30);
        TftPriceModule::offchain_worker(30);
        LastBlockSet::<Test>::kill();
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
    assert_eq!(submitted(&env).len(), 1);
}

/// Alice, Bob and Charlie validate: the turn of blocks 10..=19 is Bob's, of 20..=29 Charlie's,
/// of 30..=39 Alice's.
fn three_validators(env: &mut OffchainTestExt) {
    env.ext
        .execute_with(|| set_validators(vec![alice(), bob(), charlie()]));
}

#[test]
fn the_validator_in_turn_reports() {
    for (block, seed) in [(10, BOB), (29, CHARLIE), (30, ALICE)] {
        let mut env = offchain_test_ext(&[seed]);
        three_validators(&mut env);
        expect_price_request(&env, SAMPLE_RESPONSE);
        run_offchain_worker(&mut env, block);
        let txs = submitted(&env);
        assert_eq!(txs.len(), 1);
        assert_eq!(verified_signer(&txs[0], 0), account(seed));

        // The chain accepts the report in the next block.
        env.ext.execute_with(|| {
            System::set_block_number(block + 1);
            let call = txs[0].function.clone();
            assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(account(seed))));
            TftPriceModule::do_try_state().expect("price invariants hold");
        });
    }
}

#[test]
fn other_validators_do_not_report() {
    for seed in [ALICE, BOB] {
        let mut env = offchain_test_ext(&[seed]);
        three_validators(&mut env);
        env.ext.execute_with(|| {
            assert_eq!(
                TftPriceModule::offchain_report_price(20).map_err(DispatchError::from),
                failure(Error::<Test>::WrongAuthority)
            );
        });
        run_offchain_worker(&mut env, 20);
        assert!(submitted(&env).is_empty());
    }
}

#[test]
fn a_node_with_the_keys_of_two_validators_reports_with_the_one_in_turn() {
    let mut env = offchain_test_ext(&[ALICE, BOB]);
    three_validators(&mut env);
    expect_price_request(&env, SAMPLE_RESPONSE);
    run_offchain_worker(&mut env, 10);
    assert_eq!(verified_signer(&submitted(&env)[0], 0), bob());
}

#[test]
fn a_node_without_keys_does_not_report() {
    let mut env = offchain_test_ext(&[]);
    env.ext.execute_with(|| {
        assert_eq!(
            TftPriceModule::offchain_report_price(20).map_err(DispatchError::from),
            failure(Error::<Test>::NoLocalAcctForSigning)
        );
    });
    run_offchain_worker(&mut env, 20);
    assert!(submitted(&env).is_empty());
}

#[test]
fn a_node_whose_keys_are_not_a_validators_does_not_report() {
    let mut env = offchain_test_ext(&[BOB]);
    env.ext.execute_with(|| {
        assert_eq!(
            TftPriceModule::offchain_report_price(20).map_err(DispatchError::from),
            failure(Error::<Test>::IsNotAnAuthority)
        );
    });
    run_offchain_worker(&mut env, 20);
    assert!(submitted(&env).is_empty());
}

#[test]
fn a_node_with_several_keys_reports_with_its_validator_key() {
    let mut env = offchain_test_ext(&[BOB, ALICE, CHARLIE]);
    expect_price_request(&env, SAMPLE_RESPONSE);
    run_offchain_worker(&mut env, 20);
    let txs = submitted(&env);
    assert_eq!(txs.len(), 1);
    assert_eq!(verified_signer(&txs[0], 0), alice());
}

#[test]
fn an_invalid_price_answer_is_not_reported() {
    for body in [
        "",
        "{}",
        r#"{"_embedded": {"records": []}}"#,
        "<html>busy</html>",
    ] {
        let mut env = offchain_test_ext(&[ALICE]);
        expect_price_request(&env, body);
        env.ext.execute_with(|| {
            assert_eq!(
                TftPriceModule::offchain_report_price(20).map_err(DispatchError::from),
                failure(Error::<Test>::ErrFetchingPrice)
            );
            TftPriceModule::do_try_state().expect("price invariants hold");
        });
        assert!(submitted(&env).is_empty());
    }
}

#[test]
fn fetch_price_requests_the_horizon_path_search() {
    let mut env = offchain_test_ext(&[]);
    expect_price_request(&env, SAMPLE_RESPONSE);
    env.ext.execute_with(|| {
        assert_eq!(TftPriceModule::fetch_price().ok(), Some(33));
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

#[test]
fn an_oversized_price_answer_is_rejected() {
    let mut env = offchain_test_ext(&[]);
    let padding = " ".repeat(crate::types::MAX_RESPONSE_BYTES);
    let body = format!("{SAMPLE_RESPONSE}{padding}");
    expect_price_request(&env, &body);
    env.ext.execute_with(|| {
        assert_eq!(
            TftPriceModule::fetch_price().map_err(DispatchError::from),
            failure(Error::<Test>::ErrFetchingPrice)
        );
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}
