//! `ContractIdProvides`, the ninth transaction extension of TFChain 2.9. It adds no bytes to the
//! extrinsic or to the signed payload and never rejects anything; a
//! `bill_contract_for_block { contract_id }` transaction *provides* the tag
//! `("ContractIdProvides", contract_id)`, so the pool keeps one billing transaction per contract
//! when several validators submit it.

use crate::{types::ContractIdProvides, Call, Config};
use codec::Encode;
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::IsSubType};
use sp_runtime::{
    impl_tx_ext_default,
    traits::{DispatchInfoOf, Dispatchable, TransactionExtension, ValidateResult},
    transaction_validity::ValidTransaction,
    Weight,
};

/// The tag prefix of the pool tags.
pub const CONTRACT_ID_PROVIDES: &str = "ContractIdProvides";

impl<T: Config + Send + Sync> ContractIdProvides<T> {
    /// The extension (it has no data).
    pub fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T: Config + Send + Sync> Default for ContractIdProvides<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Config + Send + Sync> core::fmt::Debug for ContractIdProvides<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        write!(f, "ContractIdProvides")
    }
}

impl<T> TransactionExtension<<T as frame_system::Config>::RuntimeCall> for ContractIdProvides<T>
where
    T: Config + Send + Sync + scale_info::TypeInfo,
    <T as frame_system::Config>::RuntimeCall:
        IsSubType<Call<T>> + Dispatchable<RuntimeOrigin = <T as frame_system::Config>::RuntimeOrigin>,
{
    const IDENTIFIER: &'static str = CONTRACT_ID_PROVIDES;
    type Implicit = ();
    type Val = ();
    type Pre = ();

    fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
        Weight::zero()
    }

    fn validate(
        &self,
        origin: <T as frame_system::Config>::RuntimeOrigin,
        call: &<T as frame_system::Config>::RuntimeCall,
        _info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
        _len: usize,
        _self_implicit: Self::Implicit,
        _inherited_implication: &impl Encode,
        _source: TransactionSource,
    ) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
        let validity = match call.is_sub_type() {
            Some(Call::bill_contract_for_block { contract_id }) => ValidTransaction::with_tag_prefix(
                CONTRACT_ID_PROVIDES,
            )
            .and_provides(*contract_id)
            .into(),
            _ => ValidTransaction::default(),
        };
        Ok((validity, (), origin))
    }

    impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
