import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });

export async function summarize(text: string): Promise<string> {
  const res = await client.chat.completions.create({
    model: 'deepseek/deepseek-v4-flash',
    messages: [{ role: 'user', content: `Summarize: ${text}` }],
  });
  return res.choices[0]?.message?.content ?? '';
}
