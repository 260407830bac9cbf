import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ErrorCode, WorkflowError } from '../../workflow';
import type { ApiError } from '../contract/api';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6: the caller is on this machine. */
export const fromLoopback = (req: Request): boolean => {
  const address = req.socket.remoteAddress;
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address));
};

/** How each refusal of a use case answers over HTTP, for every API of the app. */
const statusOfCode: Partial<Record<ErrorCode, number>> = {
  ValidationFailed: 400,
  NotFound: 404,
  NotOnStaffList: 403,
  NotYourCase: 403,
  RoleRequired: 403,
  FileNameTaken: 409,
  FileTooLarge: 413,
  FileTypeRefused: 415,
  FileUnavailable: 502,
};

/** The status a refusal answers with; anything not listed is 409 (the case is not ready for it). */
export const refusalStatus = (code: ErrorCode): number => statusOfCode[code] ?? 409;

export const refused = (res: Response, error: WorkflowError): void => {
  const body: ApiError = { error: error.message, code: error.code };
  res.status(refusalStatus(error.code)).json(body);
};

/** 400 naming the first problem of the input ("page: must be a whole number"). */
export const badInput = (res: Response, where: 'query' | 'body' | 'path', error: z.ZodError): void => {
  const issue = error.issues[0];
  const field = issue?.path.join('.');
  const body: ApiError = { error: `Check the ${where}: ${field ? `${field}: ` : ''}${issue?.message ?? 'it is not valid'}`, code: 'ValidationFailed' };
  res.status(400).json(body);
};

export const send = <T>(res: Response, value: T): void => void res.json(value);
