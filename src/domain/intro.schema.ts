import { z } from 'zod';
import { SETTINGS } from './intro';

/** Schema for a setting. */
export const settingSchema = z.enum(SETTINGS);
