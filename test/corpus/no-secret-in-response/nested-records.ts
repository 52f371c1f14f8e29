import type { Request, Response } from 'express';

export interface Member {
  id: string;
  email: string;
  role: 'owner' | 'member';
  passwordHash: string;
}

export interface PublicMember {
  id: string;
  email: string;
  role: 'owner' | 'member';
}

export interface Invoice {
  id: string;
  amount: number;
  customerEmail: string;
}

declare const db: {
  member: {
    findMany(args: { where: { teamId: string } }): Promise<Member[]>;
    findFirst(args: { where: { id: string } }): Promise<Member>;
  };
  invoice: { findMany(args: { where: { teamId: string } }): Promise<Invoice[]> };
};

export function toPublicMember(member: Member): PublicMember {
  return { id: member.id, email: member.email, role: member.role };
}

export async function listMembers(req: Request, res: Response) {
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ members }); // expect-typed: no-secret-in-response
}

export async function listMembersPublic(req: Request, res: Response) {
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ members: members.map(toPublicMember), total: members.length });
}

export async function listMembersPaged(req: Request, res: Response) {
  const rows = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ data: rows, page: 1, total: rows.length }); // expect-typed: no-secret-in-response
}

export async function teamOverview(req: Request, res: Response) {
  const teamId = String(req.params.teamId);
  res.json({
    invoices: await db.invoice.findMany({ where: { teamId } }),
    items: await db.member.findMany({ where: { teamId } }), // expect-typed: no-secret-in-response
  });
}

export async function ownerAndMembers(req: Request, res: Response) {
  const owner = await db.member.findFirst({ where: { id: String(req.params.ownerId) } });
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ team: { owner: toPublicMember(owner), members: members.map(toPublicMember) } });
}

export async function teamSummary(req: Request, res: Response) {
  const owner = await db.member.findFirst({ where: { id: String(req.params.ownerId) } });
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ team: { owner, size: members.length } }); // expect-typed: no-secret-in-response
}

export async function invoices(req: Request, res: Response) {
  const rows = await db.invoice.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ data: rows, total: rows.length });
}

export async function exportMembers(req: Request, res: Response) {
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json([...members.map(toPublicMember)]);
}

export async function firstAndRest(req: Request, res: Response) {
  const members = await db.member.findMany({ where: { teamId: String(req.params.teamId) } });
  res.json({ first: members[0], rest: members.slice(1).map(toPublicMember) }); // expect-typed: no-secret-in-response
}
