//! # TFT bridge pallet
//!
//! The tfchain side of the TFT bridge with Stellar, mounted in the runtime as `TFTBridgeModule`
//! (index 27) with the calls, events, errors and storage of TFChain 2.9. The bridge is run by
//! **bridge validators** ([`validators`]), off-chain daemons that watch both chains; they are
//! not the consensus validators.
//!
//! - **Deposits** (Stellar → tfchain, [`mint`]): each bridge validator votes once for the mint
//!   (target and amount) a Stellar deposit asks for; once a majority of distinct validators
//!   voted for the same target and amount, the amount minus the deposit fee is minted to the
//!   target account. Proposals short of the majority expire after `TransactionTimeout` blocks.
//! - **Withdrawals** (tfchain → Stellar, [`burn`]): a user burns TFT with `swap_to_stellar`;
//!   bridge validators sign the Stellar payment until a majority signed, then mark it executed.
//! - **Refunds** ([`refund`]): deposits that cannot be minted are paid back on Stellar, signed
//!   the same way; minted deposits are not refunded.
//! - Withdrawals and refunds that do not complete within `RetryInterval` blocks **expire**
//!   ([`expiry`]): their signatures are dropped so that the validators sign them again; a
//!   withdrawal still unpaid after `TransactionTimeout` blocks is refunded to its source.
//! - The council sets the bridge validators, the fee account and the deposit and withdraw fees.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod burn;
pub mod expiry;
pub mod fees;
mod invariants;
pub mod mint;
pub mod refund;
pub mod signatures;
pub mod stellar;
pub mod types;
pub mod validators;
pub mod weights;

// The calls take the arguments of the upstream interface, some of them more than seven.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
    use crate::{
        types::{
            BurnTransaction, MintProposal, MintTransaction, RefundTransaction, StellarAddress,
            StellarSignature, StorageVersion, TxId, MAX_BRIDGE_VALIDATORS,
        },
        weights::WeightInfo,
    };
    use alloc::vec::Vec;
    use frame_support::{
        pallet_prelude::*,
        traits::{
            fungible::{self, Credit},
            EnsureOrigin, OnUnbalanced,
        },
    };
    use frame_system::pallet_prelude::*;

    /// Balance type of the currency bridged.
    pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
        <T as frame_system::Config>::AccountId,
    >>::Balance;
    /// TFT withdrawn from an account and not yet deposited anywhere.
    pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
    /// A mint transaction of this runtime.
    pub type MintTransactionOf<T> =
        MintTransaction<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
    /// A burn transaction of this runtime.
    pub type BurnTransactionOf<T> =
        BurnTransaction<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
    /// A refund transaction of this runtime.
    pub type RefundTransactionOf<T> = RefundTransaction<BlockNumberFor<T>>;
    /// The bridge validators, sorted.
    pub type BridgeValidators<T> =
        BoundedVec<<T as frame_system::Config>::AccountId, ConstU32<MAX_BRIDGE_VALIDATORS>>;
    /// A mint proposal of this runtime.
    pub type MintProposalOf<T> =
        MintProposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
    /// The mint proposals of one deposit, in the order they were made (at most one per
    /// bridge validator, as each votes once per deposit).
    pub type MintProposalsOf<T> = BoundedVec<MintProposalOf<T>, ConstU32<MAX_BRIDGE_VALIDATORS>>;
    /// The pending withdrawals of one account: `(id, block of creation)`.
    pub type PendingWithdrawalsOf<T> =
        BoundedVec<(u64, BlockNumberFor<T>), <T as Config>::MaxPendingWithdrawalsPerAccount>;

    /// The TFT bridge pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the TFT bridge pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// The TFT currency.
        type Currency: fungible::Mutate<Self::AccountId> + fungible::Balanced<Self::AccountId>;

        /// Receives the TFT burnt by withdrawals (and fees nobody can receive); `()` destroys
        /// them.
        type Burn: OnUnbalanced<CreditOf<Self>>;

        /// Origin of the governance calls (Root or 3/5 of the council on tfchain).
        type RestrictedOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Blocks after which an incomplete withdrawal or refund expires and must be signed
        /// again.
        type RetryInterval: Get<u32>;

        /// Maximum number of withdrawals, and of refunds, waiting for their Stellar payment.
        /// Every block checks them all for expiry. Also the maximum number of mint proposals
        /// made in one block.
        type MaxPendingTransactions: Get<u32>;

        /// Maximum number of withdrawals of one account waiting for their Stellar payment.
        #[pallet::constant]
        type MaxPendingWithdrawalsPerAccount: Get<u32>;

        /// Blocks after which a mint proposal short of the quorum is dropped (its voters may
        /// vote again), and after which a withdrawal still not paid is refunded to its source
        /// at its next expiry.
        #[pallet::constant]
        type TransactionTimeout: Get<u32>;

        /// Weights of the calls and hooks of this pallet.
        type WeightInfo: WeightInfo;
    }

    /// The bridge validators, sorted.
    #[pallet::storage]
    pub type Validators<T: Config> = StorageValue<_, BridgeValidators<T>, ValueQuery>;

    /// The account credited with deposit and withdraw fees (none: fees are destroyed).
    #[pallet::storage]
    pub type FeeAccount<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

    /// Mints voted for but not yet executed, by Stellar deposit id.
    #[pallet::storage]
    pub type MintTransactions<T: Config> =
        StorageMap<_, Blake2_128Concat, TxId, MintTransactionOf<T>, OptionQuery>;

    /// Executed mints, by Stellar deposit id.
    #[pallet::storage]
    pub type ExecutedMintTransactions<T: Config> =
        StorageMap<_, Blake2_128Concat, TxId, MintTransactionOf<T>, OptionQuery>;

    /// Withdrawals waiting for their Stellar payment, by id.
    #[pallet::storage]
    pub type BurnTransactions<T: Config> =
        CountedStorageMap<_, Blake2_128Concat, u64, BurnTransactionOf<T>, OptionQuery>;

    /// Withdrawals paid on Stellar, by id.
    #[pallet::storage]
    pub type ExecutedBurnTransactions<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, BurnTransactionOf<T>, OptionQuery>;

    /// Refunds waiting for their Stellar payment, by the hash of the deposit refunded.
    #[pallet::storage]
    pub type RefundTransactions<T: Config> =
        CountedStorageMap<_, Blake2_128Concat, TxId, RefundTransactionOf<T>, ValueQuery>;

    /// Refunds paid on Stellar, by the hash of the deposit refunded.
    #[pallet::storage]
    pub type ExecutedRefundTransactions<T: Config> =
        StorageMap<_, Blake2_128Concat, TxId, RefundTransactionOf<T>, ValueQuery>;

    /// Id of the last withdrawal.
    #[pallet::storage]
    pub type BurnTransactionID<T> = StorageValue<_, u64, ValueQuery>;

    /// Fee kept from each withdrawal (TFT units of 10^-7).
    #[pallet::storage]
    pub type WithdrawFee<T> = StorageValue<_, u64, ValueQuery>;

    /// Fee kept from each deposit (TFT units of 10^-7).
    #[pallet::storage]
    pub type DepositFee<T> = StorageValue<_, u64, ValueQuery>;

    /// Layout version of the stored withdrawals.
    #[pallet::storage]
    pub type PalletVersion<T> = StorageValue<_, StorageVersion, ValueQuery>;

    /// The bridge validators that voted for each pending deposit (for any of its
    /// proposals), so that each votes once.
    #[pallet::storage]
    pub type MintTransactionVoters<T: Config> =
        StorageMap<_, Blake2_128Concat, TxId, BridgeValidators<T>, ValueQuery>;

    /// The mint proposals of each pending deposit: one per target and amount voted for, with
    /// its voters. `MintTransactions` holds the one with the most votes (the first on a tie).
    #[pallet::storage]
    pub type MintProposals<T: Config> =
        StorageMap<_, Blake2_128Concat, TxId, MintProposalsOf<T>, ValueQuery>;

    /// The deposits that got a new mint proposal, by the block at whose start proposals made
    /// `TransactionTimeout` blocks earlier expire.
    #[pallet::storage]
    pub type MintExpiries<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        BlockNumberFor<T>,
        BoundedVec<TxId, T::MaxPendingTransactions>,
        ValueQuery,
    >;

    /// The pending withdrawals of each account, with the block each was made at.
    #[pallet::storage]
    pub type PendingWithdrawals<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, PendingWithdrawalsOf<T>, ValueQuery>;

    /// Events of the pallet, in upstream declaration order.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A mint was proposed: `(deposit id, target, amount)`.
        MintTransactionProposed(TxId, T::AccountId, u64),
        /// A bridge validator voted for a mint.
        MintTransactionVoted(TxId),
        /// A mint was executed: `(mint, deposit id)`.
        MintCompleted(MintTransactionOf<T>, TxId),
        /// A mint proposal short of the quorum expired: `(deposit id, amount, target)`.
        MintTransactionExpired(TxId, u64, T::AccountId),
        /// A withdrawal was made: `(id, source, Stellar target, amount paid out)`.
        BurnTransactionCreated(u64, T::AccountId, StellarAddress, u64),
        /// Never emitted (withdrawals are created by `swap_to_stellar`).
        BurnTransactionProposed(u64, StellarAddress, u64),
        /// A bridge validator signed a withdrawal's payment.
        BurnTransactionSignatureAdded(u64, StellarSignature),
        /// A withdrawal has enough signatures to be paid.
        BurnTransactionReady(u64),
        /// A withdrawal was paid on Stellar.
        BurnTransactionProcessed(BurnTransactionOf<T>),
        /// A withdrawal expired: `(id, source, target, amount)`. It must be signed again, or,
        /// past `TransactionTimeout`, it was refunded to its source and removed.
        BurnTransactionExpired(u64, Option<T::AccountId>, StellarAddress, u64),
        /// A refund was created: `(deposit hash, Stellar target, amount)`.
        RefundTransactionCreated(TxId, StellarAddress, u64),
        /// A bridge validator signed a refund's payment (upstream spelling).
        RefundTransactionsignatureAdded(TxId, StellarSignature),
        /// A refund has enough signatures to be paid.
        RefundTransactionReady(TxId),
        /// A refund was paid on Stellar.
        RefundTransactionProcessed(RefundTransactionOf<T>),
        /// A refund expired and must be signed again: `(deposit hash, target, amount)`.
        RefundTransactionExpired(TxId, StellarAddress, u64),
    }

    /// Errors of the pallet, in upstream declaration order, then the errors this pallet added.
    /// Variants that no call raises are kept so that the indices of the others do not move.
    #[pallet::error]
    pub enum Error<T> {
        /// The account already is a bridge validator.
        ValidatorExists,
        /// The account is not a bridge validator.
        ValidatorNotExists,
        /// The bridge validator already voted for this mint.
        TransactionValidatorExists,
        /// Not raised.
        TransactionValidatorNotExists,
        /// Not raised.
        MintTransactionExists,
        /// The mint was already executed.
        MintTransactionAlreadyExecuted,
        /// Not raised.
        MintTransactionNotExists,
        /// Not raised.
        BurnTransactionExists,
        /// No such withdrawal.
        BurnTransactionNotExists,
        /// The withdrawal already has this signature or a signature with this key.
        BurnSignatureExists,
        /// The withdrawal already has enough signatures.
        EnoughBurnSignaturesPresent,
        /// The refund already has this signature or a signature with this key.
        RefundSignatureExists,
        /// The withdrawal was already paid.
        BurnTransactionAlreadyExecuted,
        /// No such refund.
        RefundTransactionNotExists,
        /// The refund was already paid.
        RefundTransactionAlreadyExecuted,
        /// The refund already has enough signatures.
        EnoughRefundSignaturesPresent,
        /// The account cannot spend that much (it must also stay alive).
        NotEnoughBalanceToSwap,
        /// The amount does not exceed the withdraw fee.
        AmountIsLessThanWithdrawFee,
        /// The amount does not exceed the deposit fee.
        AmountIsLessThanDepositFee,
        /// The amount or target differs from the transaction's.
        WrongParametersProvided,
        /// The target is not a Stellar account address.
        InvalidStellarPublicKey,
        /// The bridge already has the maximum number of validators.
        TooManyValidators,
        /// Too many withdrawals (in all, or of this account), or refunds, are waiting for
        /// their Stellar payment, or too many mint proposals were made in this block.
        TooManyPendingTransactions,
        /// The withdrawal or refund does not hold a quorum of signatures.
        NotEnoughSignatures,
        /// The Stellar transaction id or hash is longer than 128 bytes.
        TransactionIdTooLong,
        /// The Stellar target address is longer than 128 bytes.
        StellarAddressTooLong,
        /// The signature is longer than 128 bytes.
        SignatureTooLong,
        /// The Stellar public key is longer than 128 bytes.
        StellarPubKeyTooLong,
    }

    /// Genesis state: bridge validators, fee account and fees.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// The bridge validators (stored sorted, without duplicates).
        pub validator_accounts: Option<Vec<T::AccountId>>,
        /// The account credited with the fees.
        pub fee_account: Option<T::AccountId>,
        /// Fee kept from each withdrawal.
        pub withdraw_fee: u64,
        /// Fee kept from each deposit.
        pub deposit_fee: u64,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            if let Some(accounts) = &self.validator_accounts {
                let validators = Pallet::<T>::sorted_validators(accounts.clone())
                    .expect("TFTBridgeModule genesis: more bridge validators than allowed");
                Validators::<T>::put(validators);
            }
            if let Some(account) = &self.fee_account {
                FeeAccount::<T>::put(account);
            }
            WithdrawFee::<T>::put(self.withdraw_fee);
            DepositFee::<T>::put(self.deposit_fee);
            PalletVersion::<T>::put(StorageVersion::V2);
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        /// Expire the withdrawals and refunds that waited `RetryInterval` blocks (refunding
        /// the withdrawals past `TransactionTimeout`), and the mint proposals that waited
        /// `TransactionTimeout` blocks.
        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            Self::expire_transactions(n).weight::<<T as Config>::WeightInfo>()
        }

        fn integrity_test() {
            assert!(
                T::RetryInterval::get() > 0,
                "RetryInterval must be positive"
            );
            assert!(
                T::MaxPendingTransactions::get() > 0,
                "MaxPendingTransactions must be positive"
            );
            assert!(
                T::MaxPendingWithdrawalsPerAccount::get() > 0,
                "MaxPendingWithdrawalsPerAccount must be positive"
            );
            assert!(
                T::TransactionTimeout::get() > 0,
                "TransactionTimeout must be positive"
            );
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Make `target` a bridge validator (governance).
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::add_bridge_validator())]
        pub fn add_bridge_validator(origin: OriginFor<T>, target: T::AccountId) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_add_bridge_validator(target)
        }

        /// Stop `target` being a bridge validator (governance).
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::remove_bridge_validator())]
        pub fn remove_bridge_validator(
            origin: OriginFor<T>,
            target: T::AccountId,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_remove_bridge_validator(&target)
        }

        /// Set the account credited with the fees (governance).
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::set_fee_account())]
        pub fn set_fee_account(origin: OriginFor<T>, target: T::AccountId) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            FeeAccount::<T>::put(target);
            Ok(())
        }

        /// Set the fee kept from each withdrawal (governance).
        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::set_withdraw_fee())]
        pub fn set_withdraw_fee(origin: OriginFor<T>, amount: u64) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            WithdrawFee::<T>::put(amount);
            Ok(())
        }

        /// Set the fee kept from each deposit (governance).
        #[pallet::call_index(4)]
        #[pallet::weight(<T as Config>::WeightInfo::set_deposit_fee())]
        pub fn set_deposit_fee(origin: OriginFor<T>, amount: u64) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            DepositFee::<T>::put(amount);
            Ok(())
        }

        /// Withdraw `amount` to the Stellar account `target_stellar_address`: the amount is
        /// burnt, the withdraw fee goes to the fee account and the rest is paid out on Stellar.
        #[pallet::call_index(5)]
        #[pallet::weight(<T as Config>::WeightInfo::swap_to_stellar())]
        pub fn swap_to_stellar(
            origin: OriginFor<T>,
            target_stellar_address: Vec<u8>,
            amount: BalanceOf<T>,
        ) -> DispatchResult {
            let source = ensure_signed(origin)?;
            // An address longer than the bound is no Stellar address.
            let target_stellar_address = StellarAddress::try_from(target_stellar_address)
                .map_err(|_| Error::<T>::InvalidStellarPublicKey)?;
            Self::do_swap_to_stellar(source, target_stellar_address, amount)
        }

        /// Propose, or vote for, the mint asked for by the Stellar deposit `transaction`
        /// (bridge validators only).
        #[pallet::call_index(6)]
        #[pallet::weight(<T as Config>::WeightInfo::propose_or_vote_mint_transaction(
            MAX_BRIDGE_VALIDATORS
        ))]
        pub fn propose_or_vote_mint_transaction(
            origin: OriginFor<T>,
            transaction: Vec<u8>,
            target: T::AccountId,
            amount: u64,
        ) -> DispatchResultWithPostInfo {
            let validator = ensure_signed(origin)?;
            let transaction =
                TxId::try_from(transaction).map_err(|_| Error::<T>::TransactionIdTooLong)?;
            Self::do_propose_or_vote_mint_transaction(validator, transaction, target, amount)?;
            Ok(
                Some(<T as Config>::WeightInfo::propose_or_vote_mint_transaction(
                    Self::validator_count(),
                ))
                .into(),
            )
        }

        /// Add a signature of the Stellar payment of withdrawal `transaction_id` (bridge
        /// validators only).
        #[pallet::call_index(7)]
        #[pallet::weight(<T as Config>::WeightInfo::propose_burn_transaction_or_add_sig(
            MAX_BRIDGE_VALIDATORS
        ))]
        pub fn propose_burn_transaction_or_add_sig(
            origin: OriginFor<T>,
            transaction_id: u64,
            target: Vec<u8>,
            amount: u64,
            signature: Vec<u8>,
            stellar_pub_key: Vec<u8>,
            sequence_number: u64,
        ) -> DispatchResultWithPostInfo {
            let validator = ensure_signed(origin)?;
            let target = Self::stellar_address_input(target)?;
            let signature = Self::signature_input(signature, stellar_pub_key)?;
            Self::do_add_burn_signature(
                validator,
                transaction_id,
                target,
                amount,
                signature,
                sequence_number,
            )?;
            Ok(Some(
                <T as Config>::WeightInfo::propose_burn_transaction_or_add_sig(
                    Self::validator_count(),
                ),
            )
            .into())
        }

        /// Record that withdrawal `transaction_id`, signed by a quorum, was paid on Stellar
        /// (bridge validators only).
        #[pallet::call_index(8)]
        #[pallet::weight(<T as Config>::WeightInfo::set_burn_transaction_executed(
            MAX_BRIDGE_VALIDATORS
        ))]
        pub fn set_burn_transaction_executed(
            origin: OriginFor<T>,
            transaction_id: u64,
        ) -> DispatchResultWithPostInfo {
            let validator = ensure_signed(origin)?;
            Self::do_set_burn_transaction_executed(&validator, transaction_id)?;
            Ok(
                Some(<T as Config>::WeightInfo::set_burn_transaction_executed(
                    Self::validator_count(),
                ))
                .into(),
            )
        }

        /// Create the refund of the Stellar deposit `tx_hash`, or add a signature of its
        /// payment (bridge validators only).
        #[pallet::call_index(9)]
        #[pallet::weight(<T as Config>::WeightInfo::create_refund_transaction_or_add_sig(
            MAX_BRIDGE_VALIDATORS
        ))]
        pub fn create_refund_transaction_or_add_sig(
            origin: OriginFor<T>,
            tx_hash: Vec<u8>,
            target: Vec<u8>,
            amount: u64,
            signature: Vec<u8>,
            stellar_pub_key: Vec<u8>,
            sequence_number: u64,
        ) -> DispatchResultWithPostInfo {
            let validator = ensure_signed(origin)?;
            let tx_hash = TxId::try_from(tx_hash).map_err(|_| Error::<T>::TransactionIdTooLong)?;
            let target = Self::stellar_address_input(target)?;
            let signature = Self::signature_input(signature, stellar_pub_key)?;
            Self::do_create_refund_or_add_signature(
                validator,
                tx_hash,
                target,
                amount,
                signature,
                sequence_number,
            )?;
            Ok(Some(
                <T as Config>::WeightInfo::create_refund_transaction_or_add_sig(
                    Self::validator_count(),
                ),
            )
            .into())
        }

        /// Record that the refund of `tx_hash`, signed by a quorum, was paid on Stellar (bridge
        /// validators only).
        #[pallet::call_index(10)]
        #[pallet::weight(<T as Config>::WeightInfo::set_refund_transaction_executed(
            MAX_BRIDGE_VALIDATORS
        ))]
        pub fn set_refund_transaction_executed(
            origin: OriginFor<T>,
            tx_hash: Vec<u8>,
        ) -> DispatchResultWithPostInfo {
            let validator = ensure_signed(origin)?;
            let tx_hash = TxId::try_from(tx_hash).map_err(|_| Error::<T>::TransactionIdTooLong)?;
            Self::do_set_refund_transaction_executed(&validator, tx_hash)?;
            Ok(
                Some(<T as Config>::WeightInfo::set_refund_transaction_executed(
                    Self::validator_count(),
                ))
                .into(),
            )
        }
    }
}
