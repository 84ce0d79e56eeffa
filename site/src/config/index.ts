/** The validated theme config, with the environment's CMS_URL applied. */
import config from '../../ritme.config';

export const theme = config;
/** Where the build reads content from (CMS_URL wins over ritme.config.ts). */
export const cmsUrl = (process.env.CMS_URL ?? config.cmsUrl).replace(/\/+$/, '');
/** Where browsers send forms; defaults to the build's CMS URL. */
export const publicCmsUrl = (process.env.PUBLIC_CMS_URL ?? cmsUrl).replace(/\/+$/, '');
