import { createHash } from 'node:crypto';
import type { EventPayloads } from '../../shared/api/events';
import { maxFileBytes, sniffFileType } from '../../shared/sync/files-protocol';
import { complaintAttachmentsTable } from '../../shared/tables/complaints.tables';
import type { Db } from '../db/connection';
import { hasFile, readStoredFile, storeFile } from '../files/file-store';
import { appendPartial, dropPartial, partialSize, readPartial } from '../files/partial-download';
import {
  attachmentsNaming,
  awaitedAuthors,
  dueTransfers,
  finishTransfer,
  holdRefusedUpload,
  noteTransferFailure,
  openCaseNeeds,
  putToSleep,
  wakeUploadsFor,
  type QueuedTransfer,
} from './file-transfers.repo';
import type { SecretStore } from './secret-store';
import { SyncTransportError, type SyncTransport } from './sync-transport';

/** What the transfers need from core: the open database, the wall clock, the window's events. */
export interface FileTransferHost {
  database(): { db: Db } | null;
  wallClock(): number;
  /** Where files live: <dataDir>/files (core/files/file-store.ts). */
  readonly dataDir: string;
  emit(event: 'data:changed', payload: EventPayloads['data:changed']): void;
}

export interface FileTransferRun {
  serverUrl: string;
  /** The account that pulls: its token fetches files, and sends those whose author has none. */
  puller: { userId: string; token: string };
  secrets: SecretStore;
  transport: SyncTransport;
  /** Bytes per request, both ways; tests lower it. */
  pieceBytes?: number;
  /** No file is started after this long, so the next push and pull are not held up. */
  budgetMs?: number;
}

export interface TransferSummary {
  uploaded: number;
  downloaded: number;
  failed: number;
}

/** A piece takes about 8 s on a 1 Mbit/s line: far within the request timeout. */
export const filePieceBytes = 1024 * 1024;
const defaultBudgetMs = 20_000;
const batchSize = 20;

/** What to do after one file: go on with the next, or end the pass (server out of reach). */
type Next = 'next' | 'stop';

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Moves attachment files between this PC and the central server (DESIGN.md, Sync; issue 4 item
 * 8), after a run's push and pull. Files attached here go up unless the server has them (HEAD):
 * asking where its copy ends, then sending the rest in pieces, so a cut upload resumes there.
 * Files named by attachments of open cases, or asked for here, come down, checked against their
 * SHA-256 before they are stored. Never throws: a failing file waits (doubling backoff; a
 * download then until asked again) and the run goes on; a server out of reach ends the pass until
 * the next run. An upload refused to every token here waits, uncounted, for a token of its author.
 */
export async function transferFiles(
  host: FileTransferHost,
  target: { db: Db },
  run: FileTransferRun,
): Promise<TransferSummary> {
  const summary: TransferSummary = { uploaded: 0, downloaded: 0, failed: 0 };
  const pass = new TransferPass(host, target.db, host.dataDir, run, summary);
  try {
    await pass.run();
  } catch (error) {
    console.error('[sync] file transfers stopped', error);
  }
  return summary;
}

class TransferPass {
  private readonly started = performance.now();
  private readonly pieceBytes: number;
  private readonly budgetMs: number;

  constructor(
    private readonly host: FileTransferHost,
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly options: FileTransferRun,
    private readonly summary: TransferSummary,
  ) {
    this.pieceBytes = options.pieceBytes ?? filePieceBytes;
    this.budgetMs = options.budgetMs ?? defaultBudgetMs;
  }

  async run(): Promise<void> {
    await this.wakeUploadsWithTokens();
    for (;;) {
      if (!this.mayGoOn()) return;
      const due = dueTransfers(this.db, this.now(), batchSize);
      if (due.length === 0) return;
      for (const transfer of due) {
        if (!this.mayGoOn()) return;
        // A file here was stored by this PC (a fetched one leaves the queue as it lands).
        const next = hasFile(this.dataDir, transfer.sha256)
          ? await this.upload(transfer)
          : await this.download(transfer);
        if (next === 'stop') return;
      }
      // Lets calls through between batches that needed no network (files put to sleep).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async download(transfer: QueuedTransfer): Promise<Next> {
    if (!transfer.asked && !openCaseNeeds(this.db, transfer.sha256)) {
      putToSleep(this.db, transfer);
      // Nobody may ask for it again: what had arrived would lie in the data folder for good.
      dropPartial(this.dataDir, transfer.sha256);
      return 'next';
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.fetchWhole(transfer.sha256);
    } catch (error) {
      return this.failed(transfer, error);
    }
    if (!this.isCurrent()) return 'stop';
    dropPartial(this.dataDir, transfer.sha256);
    if (sha256Of(bytes) !== transfer.sha256) {
      // Damaged on the way, or not what the server should have: never stored, fetched again.
      this.summary.failed += 1;
      noteTransferFailure(this.db, transfer, 'content does not match its sha256', this.now());
      return 'next';
    }
    storeFile(this.dataDir, bytes);
    finishTransfer(this.db, transfer);
    this.summary.downloaded += 1;
    // The case page shows the file as here now, and a viewer waiting for it retries.
    this.host.emit('data:changed', { tables: [complaintAttachmentsTable.name] });
    return 'next';
  }

  /**
   * The file's bytes, asked for in pieces from where an earlier, cut download stopped: each piece
   * is kept on disk as it lands (partial-download.ts).
   */
  private async fetchWhole(sha256: string): Promise<Uint8Array> {
    const { serverUrl, puller, transport } = this.options;
    let received = partialSize(this.dataDir, sha256);
    if (received >= maxFileBytes) {
      dropPartial(this.dataDir, sha256);
      received = 0;
    }
    if (received > 0) {
      // Cut after its last piece landed: the server would have nothing left to send.
      const kept = readPartial(this.dataDir, sha256);
      if (sha256Of(kept) === sha256) return kept;
    }
    let size: number | null = null;
    while (size === null || received < size) {
      let part: Awaited<ReturnType<SyncTransport['downloadFilePart']>>;
      try {
        part = await transport.downloadFilePart(
          serverUrl,
          puller.token,
          sha256,
          received,
          this.pieceBytes,
        );
      } catch (error) {
        // Nothing after what is kept here (416): it is as long as the file, or longer, and not
        // the file (torn by a power cut): start over from the first byte.
        if (received === 0 || !(error instanceof SyncTransportError) || error.status !== 416)
          throw error;
        dropPartial(this.dataDir, sha256);
        received = 0;
        continue;
      }
      // The whole file in one answer (small, or a server ignoring Range).
      if (part.first === 0 && part.bytes.length === part.size) return part.bytes;
      size ??= part.size;
      if (
        part.first !== received ||
        part.size !== size ||
        part.bytes.length === 0 ||
        size > maxFileBytes ||
        received + part.bytes.length > size
      ) {
        // What is kept here does not fit the server's file: start over next time.
        dropPartial(this.dataDir, sha256);
        throw new SyncTransportError('server', null, null, 'pieces do not fit together');
      }
      appendPartial(this.dataDir, sha256, part.bytes);
      received += part.bytes.length;
      if (!this.isCurrent()) throw new SyncTransportError('offline', null, null, 'closed');
    }
    return readPartial(this.dataDir, sha256);
  }

  private async upload(transfer: QueuedTransfer): Promise<Next> {
    const bytes = readStoredFile(this.dataDir, transfer.sha256);
    const mimeType = bytes ? sniffFileType(bytes) : null;
    if (!bytes || !mimeType || sha256Of(bytes) !== transfer.sha256) {
      // Damaged here: nothing to send. Kept for the record, not retried.
      this.summary.failed += 1;
      noteTransferFailure(this.db, transfer, 'not on this PC or damaged', this.now(), {
        final: true,
      });
      return 'next';
    }
    const { serverUrl, puller, transport } = this.options;
    let there: boolean;
    try {
      // Sent by another PC, or before: any reader may learn it, and nothing is sent.
      there = await transport.hasFileOnServer(serverUrl, puller.token, transfer.sha256);
    } catch (error) {
      return this.failed(transfer, error);
    }
    if (!this.isCurrent()) return 'stop';
    if (there) {
      finishTransfer(this.db, transfer);
      return 'next';
    }
    const file = { sha256: transfer.sha256, mimeType, size: bytes.length };
    const { senders, waitingFor } = await this.uploadSenders(transfer.sha256);
    let refusal: SyncTransportError | null = null;
    for (const { author, token } of senders) {
      try {
        await this.sendFrom(token, file, bytes);
        if (!this.isCurrent()) return 'stop';
        finishTransfer(this.db, transfer);
        this.summary.uploaded += 1;
        return 'next';
      } catch (error) {
        // An author's token revoked, or an account that may not add attachments: the next.
        if (!(error instanceof SyncTransportError && [401, 403].includes(error.status ?? 0)))
          return this.failed(transfer, error);
        if (!this.isCurrent()) return 'stop';
        refusal = error;
        if (author !== null && error.status === 401) {
          // As a push does: what that account did waits until it signs in online again.
          await this.options.secrets.writeToken(author, null);
          waitingFor.push(author);
        }
      }
    }
    // The token of this whole run refused: push and pull say so, and the next run resumes.
    if (refusal?.status === 401) return 'stop';
    // Not a failure of the file: it waits for a token that may send it, and never gives up.
    this.summary.failed += 1;
    holdRefusedUpload(
      this.db,
      transfer,
      waitingFor,
      `HTTP ${refusal?.status ?? 403} ${refusal?.message ?? ''}`.trim(),
      this.now(),
    );
    return 'next';
  }

  /** Asks where the server's copy ends (complete, partial or none: a cut upload), sends the rest. */
  private async sendFrom(
    token: string,
    file: { sha256: string; mimeType: string; size: number },
    bytes: Uint8Array,
  ): Promise<void> {
    const { serverUrl, transport } = this.options;
    let answer = await transport.uploadFilePiece(serverUrl, token, file, null);
    // Each answer moves on by a piece, or says where to resume: a server that does neither is
    // not followed forever.
    let rounds = 2 * Math.ceil(file.size / this.pieceBytes) + 4;
    while (!answer.complete) {
      rounds -= 1;
      if (rounds < 0) throw new SyncTransportError('server', null, null, 'upload does not move on');
      if (!this.isCurrent()) throw new SyncTransportError('offline', null, null, 'closed');
      const first = answer.received;
      const piece = bytes.subarray(first, Math.min(file.size, first + this.pieceBytes));
      answer = await transport.uploadFilePiece(serverUrl, token, file, { first, bytes: piece });
    }
  }

  /**
   * The authors' own tokens first (the server may take a file from a case worker only), then the
   * puller's (author null: the run's own); and the authors who hold no token here to try.
   */
  private async uploadSenders(sha256: string): Promise<{
    senders: { author: string | null; token: string }[];
    waitingFor: string[];
  }> {
    const { puller, secrets } = this.options;
    const senders: { author: string | null; token: string }[] = [];
    const waitingFor: string[] = [];
    for (const author of attachmentsNaming(this.db, sha256).authors) {
      if (author === puller.userId) continue;
      const token = await secrets.readToken(author);
      if (token === null) waitingFor.push(author);
      else senders.push({ author, token });
    }
    senders.push({ author: null, token: puller.token });
    return { senders, waitingFor };
  }

  /** Uploads refused while their authors held no token, now that one of them holds a readable one. */
  private async wakeUploadsWithTokens(): Promise<void> {
    const awaited = awaitedAuthors(this.db);
    if (awaited.size === 0) return;
    const { secrets } = this.options;
    const holders = new Set<string>();
    for (const holder of await secrets.tokenHolders()) {
      if (awaited.has(holder) && (await secrets.readToken(holder)) !== null) holders.add(holder);
    }
    if (this.isCurrent()) wakeUploadsFor(this.db, holders);
  }

  private failed(transfer: QueuedTransfer, error: unknown): Next {
    if (!this.isCurrent()) return 'stop';
    if (!(error instanceof SyncTransportError)) {
      console.error('[sync] file transfer failed', error);
      this.summary.failed += 1;
      noteTransferFailure(this.db, transfer, 'unexpected', this.now(), {
        upload: hasFile(this.dataDir, transfer.sha256),
      });
      return 'next';
    }
    // The server's cap on unfinished uploads per account: this file waits (backoff), the others
    // go on; the cap frees as the account's uploads finish or are dropped.
    if (error.status === 429) {
      noteTransferFailure(this.db, transfer, `HTTP 429 ${error.message}`, this.now(), {
        upload: hasFile(this.dataDir, transfer.sha256),
      });
      return 'next';
    }
    // Out of reach, or the account itself refused: push and pull say so, and the next run resumes.
    if (['offline', 'update-required', 'invalid-credentials'].includes(error.failure))
      return 'stop';
    if (error.status === 401) return 'stop';
    this.summary.failed += 1;
    // Too large or a type the server does not take (an upload): asking again changes nothing.
    const final = error.status === 413 || error.status === 415;
    const reason = error.status === null ? error.message : `HTTP ${error.status} ${error.message}`;
    noteTransferFailure(this.db, transfer, reason, this.now(), {
      final,
      upload: hasFile(this.dataDir, transfer.sha256),
    });
    return 'next';
  }

  private mayGoOn(): boolean {
    return this.isCurrent() && performance.now() - this.started < this.budgetMs;
  }

  /** The database was closed or replaced (a restore) while waiting on the network. */
  private isCurrent(): boolean {
    return this.host.database()?.db === this.db;
  }

  private now(): Date {
    return new Date(this.host.wallClock());
  }
}
