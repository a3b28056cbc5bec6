export { createIndonesianRegionsLoader, indonesianRegionDirectory, loadIndonesianRegions } from './indonesianRegions'
export { IDN_AREA_DATA, readIdnAreaData } from './idnAreaDataset'
export type { IdnAreaDataset } from './idnAreaDataset'
export { RegionDataUnavailable } from './regionDataUnavailable'
