import { eng } from 'stopword';

/** English function words: phrases are split at them. */
export const STOPWORDS = new Set([...eng, 'via', 'towards', 'toward', 'without', 'within', 'across', 'upon', 'whose', 'thus', 'also', 'yet', 'while', 'however', 'moreover', 'furthermore', 'therefore', 'whereas', 'e.g', 'i.e', 'etc', 'vs']);

/**
 * Words of paper-speak that carry no topic: phrases are split at them just as at stopwords
 * ("we propose a novel framework for video diffusion" yields only "video diffusion").
 */
export const FILLER = new Set([
  'paper', 'papers', 'propose', 'proposes', 'proposed', 'present', 'presents', 'introduce', 'introduces', 'introduced',
  'novel', 'new', 'approach', 'approaches', 'method', 'methods', 'methodology', 'result', 'results', 'performance',
  'framework', 'frameworks', 'experiment', 'experiments', 'experimental', 'state-of-the-art', 'sota', 'show', 'shows',
  'shown', 'demonstrate', 'demonstrates', 'demonstrated', 'achieve', 'achieves', 'achieved', 'achieving', 'outperform',
  'outperforms', 'outperforming', 'significant', 'significantly', 'substantial', 'substantially', 'extensive',
  'extensively', 'existing', 'recent', 'recently', 'various', 'different', 'effective', 'effectively', 'improve',
  'improves', 'improved', 'improving', 'improvement', 'improvements', 'enable', 'enables', 'based', 'using', 'use',
  'used', 'uses', 'work', 'works', 'study', 'studies', 'problem', 'problems', 'key', 'main', 'several', 'many', 'often',
  'well', 'able', 'first', 'code', 'available', 'publicly', 'github', 'https', 'com', 'www', 'http', 'furthermore',
  'comprehensive', 'comprehensively', 'challenging', 'challenge', 'challenges', 'remain', 'remains', 'critical',
  'crucial', 'important', 'strong', 'simple', 'effectiveness', 'superior', 'compared', 'competitive', 'leading',
  'address', 'addresses', 'designed', 'design', 'finally', 'specifically', 'particular', 'particularly', 'including',
  'includes', 'across', 'given', 'provide', 'provides', 'along', 'leverage', 'leverages', 'leveraging', 'aim', 'aims',
  'called', 'termed', 'named', 'notably', 'respectively', 'consistently', 'especially', 'overall', 'make', 'makes',
  'lead', 'leads', 'due', 'like', 'whether', 'even', 'still', 'much', 'less', 'higher', 'lower', 'better', 'best',
  'large-scale', 'high-quality', 'wide', 'widely', 'range', 'way', 'ways', 'terms', 'set', 'sets', 'number', 'series',
  'type', 'types', 'process', 'able', 'potential', 'findings', 'insights', 'analysis', 'evaluation', 'evaluate',
  'evaluated', 'evaluations', 'empirical', 'empirically', 'abstract', 'introduction',
]);

/** Words that may be part of a topic ("diffusion models", "math benchmark") but are never one alone. */
export const GENERIC = new Set([
  'model', 'models', 'modeling', 'learning', 'data', 'dataset', 'datasets', 'task', 'tasks', 'benchmark', 'benchmarks',
  'system', 'systems', 'network', 'networks', 'training', 'method', 'language', 'large', 'small', 'deep', 'neural',
  'generation', 'tokens', 'token', 'information', 'quality', 'accuracy', 'efficiency', 'efficient', 'scale', 'scaling',
  'inference', 'tuning', 'agent', 'agents', 'ai', 'real-world', 'open-source', 'end-to-end', 'multi', 'high', 'low',
  'level', 'based', 'time', 'space', 'human', 'image', 'images', 'text', 'video', 'videos', 'tool', 'tools', 'setting',
  'settings', 'domain', 'domains', 'capabilities', 'capability', 'knowledge', 'reasoning', 'understanding', 'complex',
  'general', 'specific', 'single', 'multiple', 'diverse', 'robust', 'robustness', 'existing', 'current', 'prior',
  'previous', 'future', 'one', 'two', 'three', 'approach', 'performance', 'results', 'baseline', 'baselines',
]);
