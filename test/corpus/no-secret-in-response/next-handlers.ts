import { NextResponse } from 'next/server';
import { prisma } from '../support/prisma';
import { decrypt } from '../support/field-crypto';

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const member = await prisma.member.findUniqueOrThrow({ where: { id: params.id } });
  return NextResponse.json({ id: member.id, name: member.name, apiToken: member.apiToken }); // expect: no-secret-in-response
}

export async function POST(request: Request) {
  const { id } = (await request.json()) as { id: string };
  const connection = await prisma.connection.findUniqueOrThrow({ where: { id } });
  const password = decrypt(connection.passwordCiphertext);
  return Response.json({ host: connection.host, password }); // expect: no-secret-in-response
}

export async function PUT(request: Request) {
  const { id } = (await request.json()) as { id: string };
  const connection = await prisma.connection.findUniqueOrThrow({ where: { id } });
  return Response.json({ host: connection.host, hasPassword: connection.passwordCiphertext !== null });
}

export async function DELETE() {
  return new Response(JSON.stringify({ privateKey: process.env.SIGNING_PRIVATE_KEY }), { status: 200 }); // expect: no-secret-in-response
}

export async function PATCH() {
  return NextResponse.json({ publishableKey: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY });
}
