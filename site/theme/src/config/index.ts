/// <reference path="../virtual.d.ts" />
/** The validated options of ritme({...}), with the environment's CMS URLs applied at run time. */
import config from 'virtual:ritme/config';

export const theme = config;
/** Where the build (and the preview server) reads content from: CMS_URL wins over the cmsUrl option. */
export const cmsUrl = (process.env.CMS_URL ?? config.cmsUrl).replace(/\/+$/, '');
/** Where browsers send forms and load photos from; defaults to the build's CMS URL. */
export const publicCmsUrl = (process.env.PUBLIC_CMS_URL ?? cmsUrl).replace(/\/+$/, '');
