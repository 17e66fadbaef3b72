import { type Profile, type ProfilePatch, ProfileSchema } from '@sunlog/core/records/profile';
import { z } from 'zod';
import { requestJson } from './request.ts';

const ProfileAnswerSchema = z.object({ profile: ProfileSchema });

/** Changes some profile settings and returns the whole profile as saved. */
export async function updateProfile(patch: ProfilePatch): Promise<Profile> {
  const answer = await requestJson('PATCH', '/me/profile', ProfileAnswerSchema, patch);
  return answer.profile;
}
