//! Deposits from Stellar: `propose_or_vote_mint_transaction` (call 6).

use super::*;
use crate::{
    Error, ExecutedMintTransactions, FeeAccount, MintExpiries, MintProposals,
    MintTransactionVoters, MintTransactions,
};
use frame_support::assert_noop;
use sp_runtime::TokenError;

/// A deposit of 101 TFT: 100 TFT credited, 1 TFT fee.
const AMOUNT: u64 = 101 * FEE;
/// The account credited by the deposits of these tests.
const TARGET: u64 = 42;

#[test]
fn the_first_vote_proposes_the_mint() {
    run(|| {
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));

        assert_eq!(
            MintTransactions::<Test>::get(tx_id("deposit")),
            Some(MintTransaction {
                amount: AMOUNT,
                target: TARGET,
                block: 1,
                votes: 1
            })
        );
        assert_eq!(
            MintTransactionVoters::<Test>::get(tx_id("deposit")).into_inner(),
            vec![1]
        );
        assert_eq!(
            bridge_events(),
            vec![
                BridgeEvent::MintTransactionProposed(tx_id("deposit"), TARGET, AMOUNT),
                BridgeEvent::MintTransactionVoted(tx_id("deposit")),
            ]
        );
        assert_eq!(balance(TARGET), 0);
    });
}

#[test]
fn a_quorum_of_distinct_validators_mints_the_deposit_minus_the_fee() {
    run(|| {
        let issuance = Balances::total_issuance();
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        assert_ok!(vote(2, "deposit", TARGET, AMOUNT));
        assert_eq!(balance(TARGET), 0);
        System::set_block_number(5);

        assert_ok!(vote(5, "deposit", TARGET, AMOUNT));

        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
        assert_eq!(balance(FEE_ACCOUNT), u128::from(FEE));
        assert_eq!(Balances::total_issuance(), issuance + u128::from(AMOUNT));
        let executed = MintTransaction {
            amount: AMOUNT,
            target: TARGET,
            block: 5,
            votes: QUORUM as u32,
        };
        assert_eq!(
            ExecutedMintTransactions::<Test>::get(tx_id("deposit")),
            Some(executed.clone())
        );
        assert_eq!(MintTransactions::<Test>::get(tx_id("deposit")), None);
        assert!(!MintTransactionVoters::<Test>::contains_key(tx_id(
            "deposit"
        )));
        assert_eq!(
            last_event(),
            BridgeEvent::MintCompleted(executed, tx_id("deposit"))
        );
    });
}

#[test]
fn mint_completed_carries_the_amount_and_target_clients_read() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", TARGET, AMOUNT));
        }
        let BridgeEvent::MintCompleted(mint, id) = last_event() else {
            panic!("the last event is MintCompleted");
        };
        assert_eq!(
            (mint.amount, mint.target, id),
            (AMOUNT, TARGET, tx_id("deposit"))
        );
    });
}

#[test]
fn a_validator_cannot_vote_twice_for_a_mint() {
    run(|| {
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        assert_noop!(
            vote(1, "deposit", TARGET, AMOUNT),
            Error::<Test>::TransactionValidatorExists
        );
        assert_ok!(vote(2, "deposit", TARGET, AMOUNT));
        // Two distinct votes out of a quorum of three: nothing minted.
        assert_noop!(
            vote(2, "deposit", TARGET, AMOUNT),
            Error::<Test>::TransactionValidatorExists
        );
        assert_eq!(
            MintTransactions::<Test>::get(tx_id("deposit")).map(|m| m.votes),
            Some(2)
        );
        assert_eq!(balance(TARGET), 0);
    });
}

#[test]
fn a_vote_for_other_parameters_is_another_proposal() {
    run(|| {
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        assert_ok!(vote(2, "deposit", TARGET + 1, AMOUNT));
        assert_ok!(vote(5, "deposit", TARGET + 1, AMOUNT));

        let proposals = MintProposals::<Test>::get(tx_id("deposit"));
        assert_eq!(
            proposals
                .iter()
                .map(|p| (p.target, p.amount, p.voters.to_vec()))
                .collect::<Vec<_>>(),
            vec![(TARGET, AMOUNT, vec![1]), (TARGET + 1, AMOUNT, vec![2, 5])]
        );
        // The proposal with the most votes is the pending mint.
        assert_eq!(
            MintTransactions::<Test>::get(tx_id("deposit")),
            Some(MintTransaction {
                amount: AMOUNT,
                target: TARGET + 1,
                block: 1,
                votes: 2
            })
        );
        assert_eq!(
            bridge_events()[2..],
            [
                BridgeEvent::MintTransactionProposed(tx_id("deposit"), TARGET + 1, AMOUNT),
                BridgeEvent::MintTransactionVoted(tx_id("deposit")),
                BridgeEvent::MintTransactionVoted(tx_id("deposit")),
            ]
        );
        // A validator votes once per deposit, whatever the parameters.
        assert_noop!(
            vote(1, "deposit", TARGET + 1, AMOUNT),
            Error::<Test>::TransactionValidatorExists
        );
        assert_noop!(
            vote(1, "deposit", TARGET, AMOUNT + 1),
            Error::<Test>::TransactionValidatorExists
        );
    });
}

#[test]
fn a_vote_by_a_non_validator_fails() {
    run(|| {
        assert_noop!(
            vote(USER, "deposit", TARGET, AMOUNT),
            Error::<Test>::ValidatorNotExists
        );
    });
}

#[test]
fn a_vote_for_an_executed_mint_fails() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", TARGET, AMOUNT));
        }
        assert_noop!(
            vote(6, "deposit", TARGET, AMOUNT),
            Error::<Test>::MintTransactionAlreadyExecuted
        );
    });
}

#[test]
fn a_mint_not_above_the_deposit_fee_is_refused_when_proposed() {
    run(|| {
        assert_noop!(
            vote(1, "deposit", TARGET, FEE),
            Error::<Test>::AmountIsLessThanDepositFee
        );
        assert_noop!(
            vote(1, "deposit", TARGET, FEE - 1),
            Error::<Test>::AmountIsLessThanDepositFee
        );
    });
}

#[test]
fn a_mint_below_the_existential_deposit_of_a_new_account_fails_instead_of_vanishing() {
    run(|| {
        let amount = FEE + 100;
        assert_ok!(vote(1, "deposit", TARGET, amount));
        assert_ok!(vote(2, "deposit", TARGET, amount));
        assert_noop!(vote(5, "deposit", TARGET, amount), TokenError::BelowMinimum);
        assert!(MintTransactions::<Test>::contains_key(tx_id("deposit")));
        assert!(!ExecutedMintTransactions::<Test>::contains_key(tx_id(
            "deposit"
        )));
    });
}

#[test]
fn without_a_fee_account_the_deposit_fee_is_not_minted() {
    run(|| {
        FeeAccount::<Test>::kill();
        let issuance = Balances::total_issuance();
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", TARGET, AMOUNT));
        }
        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
        assert_eq!(
            Balances::total_issuance(),
            issuance + u128::from(AMOUNT - FEE)
        );
    });
}

#[test]
fn a_voter_completes_a_mint_whose_quorum_dropped_after_validators_left() {
    run(|| {
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        assert_ok!(vote(2, "deposit", TARGET, AMOUNT));
        assert_ok!(TFTBridgeModule::remove_bridge_validator(
            RuntimeOrigin::root(),
            5
        ));
        assert_ok!(TFTBridgeModule::remove_bridge_validator(
            RuntimeOrigin::root(),
            6
        ));
        assert_eq!(TFTBridgeModule::quorum(), 2);

        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));

        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
        assert!(ExecutedMintTransactions::<Test>::contains_key(tx_id(
            "deposit"
        )));
    });
}

#[test]
fn attack_a_bogus_first_mint_proposal_blocks_the_deposit() {
    run(|| {
        // Validator 6 proposes the deposit for its own account, and for a larger amount.
        assert_ok!(vote(6, "deposit", 6, AMOUNT));
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", TARGET, AMOUNT));
        }
        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
        assert_eq!(balance(6), 0);
        assert_eq!(
            ExecutedMintTransactions::<Test>::get(tx_id("deposit")).map(|m| (m.target, m.votes)),
            Some((TARGET, QUORUM as u32))
        );
        // The other proposals went with it.
        assert!(!MintProposals::<Test>::contains_key(tx_id("deposit")));
        assert!(!MintTransactionVoters::<Test>::contains_key(tx_id(
            "deposit"
        )));
    });
}

#[test]
fn attack_bogus_mint_votes_hold_the_validators_forever() {
    run(|| {
        // 6 (malicious) and 5 (misconfigured) vote for a wrong amount at block 1.
        assert_ok!(vote(6, "deposit", TARGET, AMOUNT + 1));
        assert_ok!(vote(5, "deposit", TARGET, AMOUNT + 1));
        System::set_block_number(10);
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        assert_ok!(vote(2, "deposit", TARGET, AMOUNT));
        // Two votes each: nothing minted, and 5 cannot change its vote yet.
        assert_eq!(balance(TARGET), 0);
        assert_noop!(
            vote(5, "deposit", TARGET, AMOUNT),
            Error::<Test>::TransactionValidatorExists
        );

        // The block before the timeout the wrong proposal still stands.
        run_to_block(u64::from(TRANSACTION_TIMEOUT));
        assert_eq!(MintProposals::<Test>::get(tx_id("deposit")).len(), 2);
        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT));
        assert_eq!(
            last_event(),
            BridgeEvent::MintTransactionExpired(tx_id("deposit"), AMOUNT + 1, TARGET)
        );
        assert_eq!(
            MintTransactions::<Test>::get(tx_id("deposit")).map(|m| (m.amount, m.votes)),
            Some((AMOUNT, 2))
        );
        assert_eq!(
            MintTransactionVoters::<Test>::get(tx_id("deposit")).into_inner(),
            vec![1, 2]
        );

        assert_ok!(vote(5, "deposit", TARGET, AMOUNT));
        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
    });
}

#[test]
fn a_deposit_whose_proposals_all_expired_can_be_proposed_again() {
    run(|| {
        assert_ok!(vote(6, "deposit", 6, AMOUNT));
        assert_ok!(vote(1, "deposit", TARGET, AMOUNT));
        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT));
        assert!(!MintTransactions::<Test>::contains_key(tx_id("deposit")));
        assert!(!MintProposals::<Test>::contains_key(tx_id("deposit")));
        assert!(!MintTransactionVoters::<Test>::contains_key(tx_id(
            "deposit"
        )));
        assert!(!MintExpiries::<Test>::contains_key(
            1 + u64::from(TRANSACTION_TIMEOUT)
        ));

        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", TARGET, AMOUNT));
        }
        assert_eq!(balance(TARGET), u128::from(AMOUNT - FEE));
    });
}

#[test]
fn mint_proposals_made_in_one_block_are_bounded() {
    run(|| {
        for index in 0..MAX_PENDING {
            assert_ok!(vote(1, &format!("deposit-{index}"), TARGET, AMOUNT));
        }
        // Another target for a deposit already scheduled this block needs no new slot.
        assert_ok!(vote(2, "deposit-0", TARGET + 1, AMOUNT));
        assert_noop!(
            vote(1, "one-too-many", TARGET, AMOUNT),
            Error::<Test>::TooManyPendingTransactions
        );
        // Votes for existing proposals are not limited.
        assert_ok!(vote(5, "deposit-1", TARGET, AMOUNT));
        run_to_block(2);
        assert_ok!(vote(1, "one-too-many", TARGET, AMOUNT));
    });
}

#[test]
fn a_refunded_deposit_cannot_be_minted() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(sign_refund(validator, "deposit", AMOUNT));
        }
        assert_ok!(TFTBridgeModule::set_refund_transaction_executed(
            RuntimeOrigin::signed(1),
            tx_id("deposit").into_inner()
        ));
        assert_noop!(
            vote(1, "deposit", TARGET, AMOUNT),
            Error::<Test>::RefundTransactionAlreadyExecuted
        );
    });
}

#[test]
fn a_deposit_id_longer_than_its_bound_fails_with_a_named_error() {
    run(|| {
        let vote_for = |tx: Vec<u8>| {
            TFTBridgeModule::propose_or_vote_mint_transaction(
                RuntimeOrigin::signed(1),
                tx,
                TARGET,
                AMOUNT,
            )
        };
        assert_noop!(
            vote_for(vec![b'd'; MAX_TX_ID_LENGTH as usize + 1]),
            Error::<Test>::TransactionIdTooLong
        );
        assert_ok!(vote_for(vec![b'd'; MAX_TX_ID_LENGTH as usize]));
    });
}
