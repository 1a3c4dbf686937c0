"""Trains the deck's tiny character-level GPT on classical Chinese poems and exports it.

Run through `npm run model:train` (model/train.ts): that fetches and prepares the corpus, then
calls this script with the Debian interpreter that has PyTorch (/usr/bin/python3). Outputs, into
--out: tiny-gpt.bin (float16 weights, format in model/README.md), vocab.json,
training-record.json and reference-logits.json (PyTorch's logits from the exported weights, which
the TypeScript tests must reproduce).
"""
import argparse
import json
import math
import os
import platform
import struct
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# The run's settings. Sized so that corpus preparation plus training take about 20 minutes on two
# shared CPU cores (see the README's "The tiny model").
CONFIG = dict(contextLength=64, width=128, layers=4, heads=4)
TRAIN = dict(steps=3500, batch=32, lr=2e-3, minLr=2e-4, warmup=100, weightDecay=0.1,
             evalEvery=250, evalBatches=8, clip=1.0, sampleLength=40)
SMOKE = dict(steps=6, batch=4, warmup=2, evalEvery=3, evalBatches=1, sliceChars=20000, sampleLength=8)
SAMPLE = dict(prompts=['床前明月', '春眠不觉', '白日依山', ''], temperature=0.8, topK=40)
# The last is longer than the context: both sides keep its last 64 characters.
REFERENCE_PROMPTS = ['床前明月', '春眠不觉晓，', '', 'Hi😀山月', '白日依山尽，黄河入海流。\n欲穷千里目，更上一层楼。\n\n'
                     '千山鸟飞绝，万径人踪灭。\n孤舟蓑笠翁，独钓寒江雪。\n\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n\n月']
FORMAT_VERSION = 1


# --- the model: decoder-only, pre-LayerNorm GPT-2-style blocks, tied output head --------------

class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.ln2 = nn.LayerNorm(width)
        self.up = nn.Linear(width, 4 * width)
        self.down = nn.Linear(4 * width, width)

    def attention(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        # (b, heads, t, head width): each head attends on its own slice of the width
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-2, -1) / math.sqrt(c // self.heads)
        causal = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
        weights = scores.masked_fill(~causal, float('-inf')).softmax(dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, t, c)
        return self.proj(out), weights

    def forward(self, x):
        a, weights = self.attention(self.ln1(x))
        x = x + a
        x = x + self.down(F.gelu(self.up(self.ln2(x)), approximate='tanh'))
        return x, weights


class TinyGpt(nn.Module):
    def __init__(self, vocab_size, contextLength, width, layers, heads):
        super().__init__()
        self.context = contextLength
        self.token_embedding = nn.Embedding(vocab_size, width)
        self.position_embedding = nn.Embedding(contextLength, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_final = nn.LayerNorm(width)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                # residual outputs scaled down with depth, so the stream does not grow per layer
                std = 0.02 / math.sqrt(2 * layers) if name.endswith(('proj.weight', 'down.weight')) else 0.02
                nn.init.normal_(p, 0.0, std)
            elif name.endswith('bias'):
                nn.init.zeros_(p)

    def forward(self, ids, with_attention=False):
        t = ids.shape[1]
        x = self.token_embedding(ids) + self.position_embedding(torch.arange(t, device=ids.device))
        attention = []
        for block in self.blocks:
            x, w = block(x)
            attention.append(w)
        logits = self.ln_final(x) @ self.token_embedding.weight.T  # tied head: the embedding read backwards
        return (logits, attention) if with_attention else logits


def bf16():
    """Matrix products in bfloat16 (weights stay float32). Debian's torch does float32 products with
    the reference BLAS, ~50 times slower than bfloat16 through oneDNN on this CPU."""
    return torch.autocast('cpu', dtype=torch.bfloat16)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


# --- data ---------------------------------------------------------------------------------------

def encode(text, vocab, context):
    """Code points to ids (unknown: <unk>); empty: the line break; keeps the last `context`."""
    index = {tok: i for i, tok in enumerate(vocab)}
    ids = [index.get(ch, index['<unk>']) for ch in text] or [index['\n']]
    return ids[-context:]


def batches(data, batch, context, generator):
    starts = torch.randint(len(data) - context - 1, (batch,), generator=generator)
    x = torch.stack([data[s:s + context] for s in starts])
    y = torch.stack([data[s + 1:s + context + 1] for s in starts])
    return x, y


@torch.no_grad()
def held_out_loss(model, val, settings, context):
    model.eval()
    generator = torch.Generator().manual_seed(0)  # the same held-out windows at every evaluation
    losses = []
    for _ in range(settings['evalBatches']):
        x, y = batches(val, settings['batch'], context, generator)
        with bf16():
            logits = model(x)
        losses.append(F.cross_entropy(logits.float().flatten(0, 1), y.flatten()).item())
    model.train()
    return sum(losses) / len(losses)


@torch.no_grad()
def sample(model, vocab, prompt, seed, length):
    model.eval()
    generator = torch.Generator().manual_seed(seed)
    ids = encode(prompt, vocab, model.context)
    out = []
    for _ in range(length):
        with bf16():
            logits = model(torch.tensor([ids[-model.context:]]))[0, -1].float() / SAMPLE['temperature']
        top = logits.topk(SAMPLE['topK'])
        choice = top.indices[torch.multinomial(top.values.softmax(-1), 1, generator=generator)].item()
        ids.append(choice)
        out.append(vocab[choice])
    model.train()
    return prompt + ''.join(out)


# --- export: a small header + float16 blob, and PyTorch's logits from exactly those weights -----

def fnv1a(data):
    h = 0x811C9DC5
    for byte in data:
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def export_tensors(model):
    """File names of the tensors (the TypeScript side reads these), in file order."""
    names = {'token_embedding.weight': 'token_embedding', 'position_embedding.weight': 'position_embedding',
             'ln_final.weight': 'final_norm.gain', 'ln_final.bias': 'final_norm.bias'}
    out = []
    for name, p in model.state_dict().items():
        if name.startswith('blocks.'):
            _, layer, part, kind = name.split('.')
            kind = {'weight': 'gain', 'bias': 'bias'}[kind] if part.startswith('ln') else kind
            part = {'ln1': 'norm1', 'ln2': 'norm2'}.get(part, part)
            out.append((f'layers.{layer}.{part}.{kind}', name, p))
        else:
            out.append((names[name], name, p))
    return out


def write_weights(model, vocab, config, path):
    tensors, blob = [], bytearray()
    for file_name, _, p in export_tensors(model):
        data = p.detach().to(torch.float16).contiguous().numpy().tobytes()
        tensors.append(dict(name=file_name, shape=list(p.shape), offset=len(blob)))
        blob += data
    header = json.dumps(dict(format='tiny-gpt', version=FORMAT_VERSION, dtype='float16', config=config,
                             vocab=vocab, tensors=tensors, blobBytes=len(blob),
                             checksum=f'{fnv1a(blob):08x}'), ensure_ascii=False).encode()
    header += b' ' * (-(12 + len(header)) % 4)  # the blob starts on a 4-byte boundary
    with open(path, 'wb') as f:
        f.write(b'TGPT' + struct.pack('<II', FORMAT_VERSION, len(header)) + header + blob)


def read_weights_into(model, path):
    """Loads the exported float16 weights back (as float64), so the reference sees what TypeScript sees."""
    with open(path, 'rb') as f:
        data = f.read()
    header_len = struct.unpack('<I', data[8:12])[0]
    header = json.loads(data[12:12 + header_len])
    blob = data[12 + header_len:]
    by_name = {t['name']: t for t in header['tensors']}
    state = {}
    for file_name, name, p in export_tensors(model):
        t = by_name[file_name]
        raw = blob[t['offset']:t['offset'] + p.numel() * 2]
        state[name] = torch.frombuffer(bytearray(raw), dtype=torch.float16).view(t['shape']).double()
    model.double().load_state_dict(state)
    return model.eval()


def rounded(xs, digits=6):
    return [round(float(x), digits) for x in xs]


@torch.no_grad()
def reference(model, vocab, config):
    """Per prompt: ids, the last position's logits and attention (per layer and head); for the prompt
    that fills the context, every position's logit sum and sum of squares and the first layer's
    whole attention matrix (heads × t × t)."""
    cases = []
    for i, prompt in enumerate(REFERENCE_PROMPTS):
        ids = encode(prompt, vocab, config['contextLength'])
        logits, attention = model(torch.tensor([ids]), with_attention=True)
        case = dict(prompt=prompt, ids=ids, lastLogits=rounded(logits[0, -1]),
                    lastAttention=[[rounded(w[0, h, -1]) for h in range(w.shape[1])] for w in attention])
        if len(ids) == config['contextLength']:  # the long prompt: every position, for the KV cache
            case['positionLogitSums'] = rounded(logits[0].sum(-1))
            case['positionLogitSquares'] = rounded((logits[0] ** 2).sum(-1), 4)
            case['firstLayerAttention'] = [[rounded(row) for row in w] for w in attention[0][0]]
        cases.append(case)
    return dict(note='PyTorch float64 forward pass of the float16 weights in tiny-gpt.bin', cases=cases)


def write_reference(out):
    """reference-logits.json from the weight file alone: the TypeScript tests' expected numbers."""
    path = os.path.join(out, 'tiny-gpt.bin')
    with open(path, 'rb') as f:
        data = f.read(12)
        header = json.loads(f.read(struct.unpack('<I', data[8:12])[0]))
    config = header['config']
    model = TinyGpt(config['vocabSize'], config['contextLength'], config['width'], config['layers'], config['heads'])
    exported = read_weights_into(model, path)
    with open(os.path.join(out, 'reference-logits.json'), 'w', encoding='utf8') as f:
        json.dump(reference(exported, header['vocab'], config), f, ensure_ascii=False)


# --- the run ------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', help='prepared corpus folder (model/prepare-corpus.ts)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=17)
    ap.add_argument('--smoke', action='store_true', help='a few steps on a slice: checks the pipeline')
    ap.add_argument('--started-at', type=float, default=None, help='epoch seconds when the run began')
    ap.add_argument('--reference-only', action='store_true',
                    help='no training: recompute reference-logits.json from the tiny-gpt.bin in --out')
    args = ap.parse_args()
    if args.reference_only:
        torch.set_num_threads(2)
        return write_reference(args.out)
    if not args.data:
        ap.error('--data is needed to train')
    started = args.started_at or time.time()

    torch.set_num_threads(2)  # Debian's torch reports 1 thread here; the machine has two cores
    torch.manual_seed(args.seed)
    settings = {**TRAIN, **SMOKE} if args.smoke else dict(TRAIN)

    with open(os.path.join(args.data, 'vocab.json'), encoding='utf8') as f:
        vocab = json.load(f)['tokens']
    with open(os.path.join(args.data, 'stats.json'), encoding='utf8') as f:
        corpus = json.load(f)
    texts = {}
    for split in ('train', 'val'):
        with open(os.path.join(args.data, f'{split}.txt'), encoding='utf8') as f:
            texts[split] = f.read()
    if args.smoke:
        texts = {k: v[:settings['sliceChars'] // (1 if k == 'train' else 4)] for k, v in texts.items()}
    data = {k: torch.tensor(encode(v, vocab, len(v)), dtype=torch.long) for k, v in texts.items()}

    config = dict(vocabSize=len(vocab), **CONFIG)
    model = TinyGpt(len(vocab), **CONFIG)
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimiser = torch.optim.AdamW([dict(params=decay, weight_decay=settings['weightDecay']),
                                   dict(params=no_decay, weight_decay=0.0)], lr=settings['lr'], betas=(0.9, 0.99))
    generator = torch.Generator().manual_seed(args.seed)
    steps = settings['steps']
    checkpoints = sorted({0, max(1, steps // 10), steps // 2, steps})
    train_loss, val_loss, samples = [], [], []
    train_started = time.time()

    def checkpoint(step):
        if step % settings['evalEvery'] == 0 or step == steps:
            val_loss.append(dict(step=step, loss=round(held_out_loss(model, data['val'], settings, CONFIG['contextLength']), 4)))
        if step in checkpoints:
            samples.append(dict(step=step, texts=[sample(model, vocab, p, args.seed + i, settings['sampleLength']) for i, p in enumerate(SAMPLE['prompts'])]))
            last = val_loss[-1] if val_loss and val_loss[-1]['step'] == step else None
            print(f'step {step}: held-out {last["loss"] if last else "-"}  ' + ' | '.join(t.replace('\n', '/') for t in samples[-1]['texts'][:2]), flush=True)

    checkpoint(0)
    for step in range(1, steps + 1):
        progress = min(1.0, (step - settings['warmup']) / max(1, steps - settings['warmup']))
        lr = settings['lr'] * step / settings['warmup'] if step <= settings['warmup'] else \
            settings['minLr'] + 0.5 * (settings['lr'] - settings['minLr']) * (1 + math.cos(math.pi * progress))
        for group in optimiser.param_groups:
            group['lr'] = lr
        x, y = batches(data['train'], settings['batch'], CONFIG['contextLength'], generator)
        with bf16():
            logits = model(x)
        loss = F.cross_entropy(logits.float().flatten(0, 1), y.flatten())
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), settings['clip'])
        optimiser.step()
        train_loss.append(round(loss.item(), 4))
        if step % 50 == 0:
            per_step = (time.time() - train_started) / step
            print(f'step {step}/{steps}  loss {loss.item():.3f}  {per_step:.2f} s/step, '
                  f'{(steps - step) * per_step / 60:.1f} min to go', flush=True)
        checkpoint(step)
    train_seconds = time.time() - train_started

    os.makedirs(args.out, exist_ok=True)
    weights_path = os.path.join(args.out, 'tiny-gpt.bin')
    write_weights(model, vocab, config, weights_path)
    write_reference(args.out)
    with open(os.path.join(args.out, 'vocab.json'), 'w', encoding='utf8') as f:
        json.dump(dict(lineBreak='\n', unk='<unk>', tokens=vocab), f, ensure_ascii=False)
    record = dict(
        smoke=args.smoke, seed=args.seed, torch=torch.__version__, python=platform.python_version(),
        threads=torch.get_num_threads(), machine=f'{platform.machine()}, {os.cpu_count()} CPUs',
        precision='bfloat16 autocast for matrix products; float32 weights, optimiser and loss',
        config=config, parameters=parameter_count(model), training=settings,
        sampling=SAMPLE, corpus=corpus, weightsBytes=os.path.getsize(weights_path),
        trainSeconds=round(train_seconds, 1), secondsPerStep=round(train_seconds / steps, 3), wallSeconds=round(time.time() - started, 1),
        trainLoss=train_loss, heldOutLoss=val_loss, samples=samples)
    with open(os.path.join(args.out, 'training-record.json'), 'w', encoding='utf8') as f:
        json.dump(record, f, ensure_ascii=False, indent=1)
    print(f'{record["parameters"]:,} parameters, {record["weightsBytes"]:,} bytes, '
          f'final loss {train_loss[-1]} (held-out {val_loss[-1]["loss"]}), {record["wallSeconds"]} s', flush=True)


if __name__ == '__main__':
    main()
