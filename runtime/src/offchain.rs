//! Transactions built inside the runtime: signed ones for the offchain workers of validators
//! (contract billing, TFT price), which carry the same nine transaction extensions as any
//! client's, and unsigned GRANDPA equivocation reports.

use crate::{
    configs::BlockHashCount, Runtime, RuntimeCall, Signature, SignedPayload, System, TxExtension,
    UncheckedExtrinsic,
};
use codec::Encode;
use frame_system::offchain::{
    AppCrypto, CreateBare, CreateSignedTransaction, CreateTransactionBase, SigningTypes,
};
use sp_runtime::{
    generic::Era,
    traits::{StaticLookup, Verify},
    SaturatedConversion,
};

impl SigningTypes for Runtime {
    type Public = <Signature as Verify>::Signer;
    type Signature = Signature;
}

impl<LocalCall> CreateTransactionBase<LocalCall> for Runtime
where
    RuntimeCall: From<LocalCall>,
{
    type Extrinsic = UncheckedExtrinsic;
    type RuntimeCall = RuntimeCall;
}

/// Unsigned transactions built inside the runtime (GRANDPA equivocation reports), in extrinsic format
/// version 4 like every extrinsic of TFChain 2.9's blocks.
impl<LocalCall> CreateBare<LocalCall> for Runtime
where
    RuntimeCall: From<LocalCall>,
{
    fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
        UncheckedExtrinsic::new_bare_legacy(call)
    }
}

impl<LocalCall> CreateSignedTransaction<LocalCall> for Runtime
where
    RuntimeCall: From<LocalCall>,
{
    fn create_signed_transaction<C: AppCrypto<Self::Public, Self::Signature>>(
        call: RuntimeCall,
        public: <Signature as Verify>::Signer,
        account: crate::AccountId,
        nonce: crate::Nonce,
    ) -> Option<UncheckedExtrinsic> {
        // Valid for the largest power of two of blocks that the block-hash history still covers.
        let period = u64::from(BlockHashCount::get())
            .checked_next_power_of_two()
            .map(|p| p / 2)
            .unwrap_or(2);
        let current_block = System::block_number().saturated_into::<u64>().saturating_sub(1);
        let extension: TxExtension = (
            frame_system::CheckNonZeroSender::<Runtime>::new(),
            frame_system::CheckSpecVersion::<Runtime>::new(),
            frame_system::CheckTxVersion::<Runtime>::new(),
            frame_system::CheckGenesis::<Runtime>::new(),
            frame_system::CheckEra::<Runtime>::from(Era::mortal(period, current_block)),
            frame_system::CheckNonce::<Runtime>::from(nonce),
            frame_system::CheckWeight::<Runtime>::new(),
            pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
            pallet_smart_contract::types::ContractIdProvides::<Runtime>::new(),
        );
        let payload = SignedPayload::new(call, extension).ok()?;
        let signature = payload.using_encoded(|bytes| C::sign(bytes, public))?;
        let (call, extension, _) = payload.deconstruct();
        let address = <Runtime as frame_system::Config>::Lookup::unlookup(account);
        Some(UncheckedExtrinsic::new_signed(call, address, signature, extension))
    }
}
