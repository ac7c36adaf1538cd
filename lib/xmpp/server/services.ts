/**
 * The services a server runs, in the order disco#info announces their features. A new service (PEP,
 * MUC at conference.<domain>, pubsub at pubsub.<domain>, upload) is one module exporting a
 * ServerService (service.ts) and one line here; no chain in the router changes.
 * @module
 */
import { accountDiscoService, discoInfoService, discoItemsService } from './disco';
import { pingService } from './ping';
import { rosterService } from './roster';
import type { ServerService } from './service';
import { mucServices } from '../muc/service';
import { pepServices } from '../pubsub/pep';

export const SERVER_SERVICES: readonly ServerService[] = [
  discoInfoService,
  discoItemsService,
  pingService,
  rosterService,
  accountDiscoService,
  ...mucServices,
  ...pepServices,
];
