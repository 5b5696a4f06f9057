import { randomUUID } from 'node:crypto';
import type { EspGenerateRequest, EspStatusValue } from '@mandarin-kit/core';
import type { DeliveryService } from '../callbacks/DeliveryService.js';
import { type RetrySchedule, scheduleDelays } from '../callbacks/retrySchedule.js';
import type { Clock } from '../clock/Clock.js';
import type { Scheduler } from '../clock/Scheduler.js';
import { badRequest, HttpError, notFound } from '../http/HttpError.js';
import type { WalletStore } from '../wallet/WalletStore.js';
import { checkOtp, newOtp, type OtpState } from './otp.js';
import { SANDBOX_NAMES } from './sandboxKyc.js';

/** An ESP (virtual wallet) as the emulator keeps it. */
export interface EspRecord {
  id: string;
  status: EspStatusValue;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
  /** The status the test names lead to once processing finishes. */
  outcome: 'Success' | 'Failed';
  phone: string;
  request: EspGenerateRequest;
  otp: OtpState | null;
}

type Names = Pick<EspGenerateRequest, 'first_name' | 'last_name' | 'middle_name'>;

const isName = (request: EspGenerateRequest, names: Names) =>
  request.first_name.trim() === names.first_name &&
  request.last_name.trim() === names.last_name &&
  request.middle_name.trim() === names.middle_name;

/**
 * Sandbox test names decide the outcome: `Unsuccessful` ×3 → Failed; `Successful`/`Success`/`Successful`
 * and any other name → Success (the sandbox accepts real-looking data too).
 */
export function outcomeFor(request: EspGenerateRequest): 'Success' | 'Failed' {
  return isName(request, SANDBOX_NAMES.failed) ? 'Failed' : 'Success';
}

/** What the ESP lifecycle uses, read when used (options may change at runtime). */
export interface EspDeps {
  clock: Clock;
  scheduler: Scheduler;
  wallets: WalletStore;
  deliveries: DeliveryService;
  options: {
    otp: { ttlSeconds: number; retries: number; code: string | undefined };
    delays: { espProcessedSeconds: number; espFinishedSeconds: number };
    initialWalletBalance: bigint;
    webhookUrl: string | undefined;
    callbackRetry: RetrySchedule;
  };
  log(line: string): void;
}

/** ESP lifecycle: generate → OTP send/verify → Processing → Success|Failed, with webhooks on each change. */
export class EspService {
  readonly #esps = new Map<string, EspRecord>();

  constructor(private readonly emulator: EspDeps) {}

  generate(request: EspGenerateRequest): EspRecord {
    const esp: EspRecord = {
      id: randomUUID(),
      status: 'Processing',
      createdAt: this.emulator.clock.iso(),
      processedAt: null,
      finishedAt: null,
      outcome: outcomeFor(request),
      phone: request.phones[0]!.phone,
      request,
      otp: null,
    };
    this.#esps.set(esp.id, esp);
    return esp;
  }

  get(id: string): EspRecord | undefined {
    return this.#esps.get(id.toLowerCase());
  }

  require(id: string): EspRecord {
    const esp = this.get(id);
    if (!esp) throw notFound(`Payment token ${id} not found`);
    return esp;
  }

  list(): EspRecord[] {
    return [...this.#esps.values()];
  }

  sendOtp(id: string): { to: string; ttl: number; status: string; retries: number } {
    const esp = this.require(id);
    if (esp.otp?.verified || esp.status !== 'Processing') {
      throw badRequest('The phone of this payment token is already confirmed');
    }
    const { clock, options } = this.emulator;
    esp.otp = newOtp(clock.now(), options.otp.ttlSeconds, options.otp.retries, options.otp.code);
    return {
      to: esp.phone,
      ttl: Math.floor(esp.otp.expiresAt / 1000),
      status: 'pending',
      retries: esp.otp.retries,
    };
  }

  verifyOtp(id: string, code: string): { verified: boolean; retries: number } {
    const esp = this.require(id);
    if (!esp.otp) throw badRequest('No code was sent for this payment token: call send first');
    const result = checkOtp(esp.otp, code, this.emulator.clock.now());
    switch (result.kind) {
      case 'verified':
        this.#startProcessing(esp);
        return { verified: true, retries: result.retries };
      case 'wrong':
        return { verified: false, retries: result.retries };
      case 'exhausted':
        throw badRequest('No attempts left: send a new code', { verified: false, retries: 0 });
      case 'expired':
        throw badRequest('The code has expired: send a new code', {
          verified: false,
          retries: esp.otp.retries,
        });
      case 'already-verified':
        throw badRequest('The code is already verified');
    }
  }

  /** Admin: force a status (Blocked, Suspended, or back to Success); sends the webhook. */
  setStatus(id: string, status: EspStatusValue): EspRecord {
    const esp = this.require(id);
    if (status === 'Processing') throw new HttpError(400, 'Processing is set by generate only');
    this.#changeStatus(esp, status);
    if (status === 'Success') this.emulator.wallets.open(esp.id, this.emulator.options.initialWalletBalance);
    esp.finishedAt ??= this.emulator.clock.iso();
    return esp;
  }

  reset(): void {
    this.#esps.clear();
  }

  /** After verification Mandarin takes a moment: processed_at first, then the final status. */
  #startProcessing(esp: EspRecord): void {
    const {
      scheduler,
      options: { delays },
    } = this.emulator;
    scheduler.after(delays.espProcessedSeconds, () => {
      esp.processedAt = this.emulator.clock.iso();
      scheduler.after(delays.espFinishedSeconds, () => {
        if (esp.status !== 'Processing') return; // an admin got there first
        esp.finishedAt = this.emulator.clock.iso();
        if (esp.outcome === 'Success') {
          this.emulator.wallets.open(esp.id, this.emulator.options.initialWalletBalance);
        }
        this.#changeStatus(esp, esp.outcome);
      });
    });
  }

  #changeStatus(esp: EspRecord, status: EspStatusValue): void {
    if (esp.status === status) return;
    esp.status = status;
    this.emulator.log(`ESP ${esp.id} → ${status}`);
    const body = JSON.stringify({
      event_id: randomUUID(),
      payment_token_id: esp.id,
      status,
      created_at: this.emulator.clock.iso(),
    });
    const url = this.emulator.options.webhookUrl;
    this.emulator.deliveries.enqueue({
      channel: 'esp',
      url,
      subject: esp.id,
      build: () => ({
        method: 'POST',
        url: url!,
        headers: { 'content-type': 'application/json', 'user-agent': 'mandarin-kit-emulator' },
        body,
      }),
      outcome: (response) =>
        response !== null && response.status >= 200 && response.status < 300 ? 'ack' : 'retry',
      retryDelaySeconds: scheduleDelays(this.emulator.options.callbackRetry),
    });
  }
}
