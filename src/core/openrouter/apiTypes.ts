// What the core relies on in OpenRouter's responses, after validation (schemas.ts produces these).
// Optional fields are optional because older or leaner responses omit them; see docs/openrouter-api.md.

export interface ApiPricingOverride {
  min_prompt_tokens?: number;
  utc_start?: number;
  utc_end?: number;
  prompt?: string;
  completion?: string;
  input_cache_read?: string;
  input_cache_write?: string;
  input_cache_write_1h?: string;
  audio?: string;
  input_audio_cache?: string;
}

export interface ApiPricing {
  prompt: string;
  completion: string;
  request?: string;
  image?: string;
  image_token?: string;
  image_output?: string;
  audio?: string;
  audio_output?: string;
  input_audio_cache?: string;
  web_search?: string;
  internal_reasoning?: string;
  input_cache_read?: string;
  input_cache_write?: string;
  input_cache_write_1h?: string;
  discount?: number;
  overrides?: ApiPricingOverride[];
}

export interface ApiModel {
  id: string;
  canonical_slug?: string;
  name: string;
  created?: number;
  description?: string;
  context_length?: number | null;
  architecture?: {
    modality?: string | null;
    input_modalities?: string[];
    output_modalities?: string[];
    tokenizer?: string;
    instruct_type?: string | null;
  };
  pricing: ApiPricing;
  top_provider?: { context_length?: number | null; max_completion_tokens?: number | null; is_moderated?: boolean };
  supported_parameters?: string[];
  knowledge_cutoff?: string | null;
  expiration_date?: string | null;
  benchmarks?: {
    artificial_analysis?: { intelligence_index?: number | null; coding_index?: number | null; agentic_index?: number | null } | null;
  } | null;
  alias_target?: { slug: string; name?: string } | null;
}

export interface ApiModelsResponse {
  data: ApiModel[];
  total_count?: number;
  links?: { next: string | null };
}

export interface ApiRankingRow {
  date: string;
  model_permaslug: string;
  /** Decimal string. */
  total_tokens: string;
}

export interface ApiRankingsDailyResponse {
  data: ApiRankingRow[];
  /** as_of is absent when OpenRouter's value is not an ISO date or timestamp. */
  meta: { as_of?: string; version?: string; start_date?: string; end_date?: string };
}

export interface ApiKeyData {
  label: string;
  limit: number | null;
  limit_remaining?: number | null;
  limit_reset?: string | null;
  include_byok_in_limit?: boolean;
  usage: number;
  usage_daily?: number;
  usage_weekly?: number;
  usage_monthly?: number;
  byok_usage?: number;
  byok_usage_daily?: number;
  byok_usage_weekly?: number;
  byok_usage_monthly?: number;
  is_free_tier?: boolean;
  is_management_key?: boolean;
  is_provisioning_key?: boolean;
  creator_user_id?: string | null;
  expires_at?: string | null;
}


export interface ApiCreditsResponse {
  data: { total_credits: number; total_usage: number };
}

export interface ApiActivityItem {
  date: string;
  model: string;
  model_permaslug?: string;
  endpoint_id?: string;
  provider_name?: string;
  usage: number;
  byok_usage_inference?: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens?: number;
}

export interface ApiActivityResponse {
  data: ApiActivityItem[];
}
