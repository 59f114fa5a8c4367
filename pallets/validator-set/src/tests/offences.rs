use crate::mock::*;
use sp_staking::offence::ReportOffence;

/// Report a `TestOffence` committed by `offenders`.
fn report(offenders: &[u64]) {
    let offence = TestOffence(offenders.iter().map(|id| (*id, ())).collect());
    assert_eq!(
        <ValidatorSet as ReportOffence<u64, (u64, ()), TestOffence>>::report_offence(
            vec![],
            offence
        ),
        Ok(())
    );
}

/// Whether a `TestOffence` of `offenders` is already known.
fn is_known(offenders: &[u64]) -> bool {
    let offenders: Vec<(u64, ())> = offenders.iter().map(|id| (*id, ())).collect();
    <ValidatorSet as ReportOffence<u64, (u64, ()), TestOffence>>::is_known_offence(&offenders, &0)
}

#[test]
fn reported_validators_are_marked_for_removal() {
    new_test_ext().execute_with(|| {
        report(&[3]);

        assert_eq!(offline(), vec![3]);
        // The set only changes when the next session is planned.
        assert_eq!(validators(), vec![1, 2, 3]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn reports_of_non_validators_and_repeated_reports_change_nothing() {
    new_test_ext().execute_with(|| {
        report(&[9]);
        assert_eq!(offline(), Vec::<u64>::new());

        report(&[3]);
        report(&[3, 9]);
        assert_eq!(offline(), vec![3]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn an_offence_is_known_once_all_offenders_are_marked() {
    new_test_ext().execute_with(|| {
        assert!(!is_known(&[2, 3]));
        assert!(is_known(&[9]));

        report(&[3]);
        assert!(!is_known(&[2, 3]));
        assert!(is_known(&[3, 9]));

        report(&[2]);
        assert!(is_known(&[2, 3]));
        ValidatorSet::do_try_state().unwrap();
    });
}
