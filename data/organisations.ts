import type { OrganisationId } from './schema'

export interface Organisation {
  id: OrganisationId
  /** Short display name. */
  name: string
}

/** Short display names (Chinese where the Chinese name is the common one). */
export const organisations: Record<OrganisationId, Organisation> = {
  google: { id: 'google', name: 'Google' },
  deepmind: { id: 'deepmind', name: 'DeepMind' },
  meta: { id: 'meta', name: 'Meta' },
  openai: { id: 'openai', name: 'OpenAI' },
  microsoft: { id: 'microsoft', name: '微软 Microsoft' },
  nvidia: { id: 'nvidia', name: 'NVIDIA' },
  tsinghua: { id: 'tsinghua', name: '清华 / 智谱' },
  bigscience: { id: 'bigscience', name: 'BigScience' },
  ai21: { id: 'ai21', name: 'AI21 Labs' },
  databricks: { id: 'databricks', name: 'Databricks' },
  hpcai: { id: 'hpcai', name: '潞晨 HPC-AI Tech' },
  uw: { id: 'uw', name: '华盛顿大学 UW' },
  eleutherai: { id: 'eleutherai', name: 'EleutherAI' },
}

/** Display name of an organisation. */
export function organisationName(id: OrganisationId): string {
  return organisations[id].name
}
