// Where the dataset store keeps its copies in storage.local. A module of its own, so a page that
// only listens for a new list (the popup) does not load the store and its checks to know the key.
export const ACTIVE_DATASET_KEY = 'dataset:active';
export const DATASET_ORIGIN_KEY = 'dataset:origin';
export const ACTIVE_PROOF_KEY = 'dataset:active-proof';
export const PREVIOUS_DATASET_KEY = 'dataset:previous';
export const PREVIOUS_ORIGIN_KEY = 'dataset:previous-origin';
export const PREVIOUS_PROOF_KEY = 'dataset:previous-proof';
