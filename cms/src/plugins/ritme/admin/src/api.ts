/**
 * The admin routes of the plugin (/ritme/…), called with the logged-in admin's
 * session through Strapi's fetch client. Types come from the shared contract.
 */
import type {
  AdminRoundDetail,
  AdminRoundSummary,
  AdminSessionSignups,
  AdminSignupSession,
  BuildStatus,
  Inbox,
  InboxEmailReply,
  InboxItem,
  InboxKind,
  InboxQuery,
  InboxUpdate,
  Overview,
  OverviewPart,
  PilotInvite,
  PilotInviteCreate,
  PilotInviteCreated,
  RebuildResult,
  SharedDraft,
} from '@ritme/shared';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';

type Envelope<T> = { data: T };

export function useRitmeApi() {
  const { get, put, post } = useFetchClient();
  return React.useMemo(
    () => ({
      inbox: async (query: InboxQuery) => (await get<Envelope<Inbox>>('/ritme/inbox', { params: query })).data.data,
      updateInboxItem: async (kind: InboxKind, documentId: string, update: InboxUpdate) =>
        (await put<Envelope<InboxItem>>(`/ritme/inbox/${kind}/${documentId}`, { data: update })).data.data,
      emailReply: async (documentId: string, reply: InboxEmailReply) =>
        (await post<Envelope<InboxItem>>(`/ritme/inbox/suggestion/${documentId}/email`, { data: reply })).data.data,
      sharedDrafts: async () => (await get<Envelope<SharedDraft[]>>('/ritme/shared-drafts')).data.data,
      invites: async () => (await get<Envelope<PilotInvite[]>>('/ritme/invites')).data.data,
      createInvite: async (input: PilotInviteCreate) =>
        (await post<Envelope<PilotInviteCreated>>('/ritme/invites', { data: input })).data.data,
      revokeInvite: async (documentId: string) =>
        (await post<Envelope<PilotInvite>>(`/ritme/invites/${documentId}/revoke`)).data.data,
      buildStatus: async () => (await get<Envelope<BuildStatus>>('/ritme/build-status')).data.data,
      overview: async (part: OverviewPart) =>
        (await get<Envelope<Overview>>('/ritme/overview', { params: { part } })).data.data,
      rebuild: async () => (await post<Envelope<RebuildResult>>('/ritme/rebuild')).data.data,
      rounds: async (locale: string) =>
        (await get<Envelope<AdminRoundSummary[]>>('/ritme/rounds', { params: { locale } })).data.data,
      round: async (documentId: string, locale: string) =>
        (await get<Envelope<AdminRoundDetail>>(`/ritme/rounds/${documentId}`, { params: { locale } })).data.data,
      closeRound: async (documentId: string, locale: string) =>
        (
          await post<Envelope<AdminRoundDetail>>(
            `/ritme/rounds/${documentId}/close?locale=${encodeURIComponent(locale)}`,
          )
        ).data.data,
      signupSessions: async (locale: string) =>
        (await get<Envelope<AdminSignupSession[]>>('/ritme/signups', { params: { locale } })).data.data,
      sessionSignups: async (documentId: string, locale: string) =>
        (await get<Envelope<AdminSessionSignups>>(`/ritme/signups/${documentId}`, { params: { locale } })).data.data,
      sessionSignupsCsv: async (documentId: string, locale: string) =>
        (await get<Blob>(`/ritme/signups/${documentId}/csv`, { params: { locale }, responseType: 'blob' })).data,
    }),
    [get, put, post],
  );
}

/** The server's message for a failed request, or the network error's. */
export function errorMessage(error: unknown): string {
  if (isFetchError(error)) return error.response?.data?.error?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The 400 answer's messages per field (first path segment), for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isFetchError(error)) return {};
  const details = error.response?.data?.error?.details as { errors?: { path?: unknown[]; message?: string }[] };
  const errors: Record<string, string> = {};
  for (const entry of details?.errors ?? []) {
    const field = String(entry.path?.[0] ?? '');
    if (field && entry.message && !errors[field]) errors[field] = entry.message;
  }
  return errors;
}
